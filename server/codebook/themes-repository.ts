import { and, count, eq } from 'drizzle-orm';
import { nameKey } from '../../shared/text';
import { themeColour } from '../../shared/palette';
import { initialKeywords } from '../../shared/keywords';
import type { Db } from '../db/open-database';
import { themes } from '../db/schema';

export type ThemeRow = typeof themes.$inferSelect;

export interface NewTheme {
  name: string;
  definition?: string;
  /** Omitted: start from the name and definition. */
  keywords?: string[];
  colour?: string;
  parentId?: number | null;
  groupIds?: number[] | null;
}

/** The theme of this project with this name (case/space-insensitive). */
export function findThemeByName(
  db: Db,
  projectId: number,
  name: string,
): ThemeRow | null {
  return (
    db
      .select()
      .from(themes)
      .where(
        and(eq(themes.projectId, projectId), eq(themes.nameKey, nameKey(name))),
      )
      .get() ?? null
  );
}

/**
 * Inserts a theme at the end of the codebook. The caller checks the name is
 * free (see findThemeByName) and runs this inside its transaction.
 */
export function insertTheme(
  db: Db,
  projectId: number,
  theme: NewTheme,
): ThemeRow {
  const position =
    db
      .select({ n: count() })
      .from(themes)
      .where(eq(themes.projectId, projectId))
      .get()?.n ?? 0;
  const definition = theme.definition ?? '';
  return db
    .insert(themes)
    .values({
      projectId,
      name: theme.name.trim(),
      nameKey: nameKey(theme.name),
      definition,
      keywords: theme.keywords ?? initialKeywords(theme.name, definition),
      colour: theme.colour ?? themeColour(position),
      parentId: theme.parentId ?? null,
      groupIds: theme.groupIds ?? null,
      position,
    })
    .returning()
    .get();
}
