import { and, eq, inArray, ne } from 'drizzle-orm';
import type {
  AddStarterResult,
  CreateThemeBody,
  MergeResult,
  Theme,
  UpdateThemeBody,
} from '../../shared/api/codebook';
import { findStarterCodebook } from '../../shared/starter-codebooks';
import { inTransaction, type Db } from '../db/open-database';
import { respondentGroups, themes } from '../db/schema';
import { errors } from '../errors';
import { rewriteCodings } from './coding-rewrite';
import {
  deleteThemeRow,
  findTheme,
  findThemeByName,
  getThemeOr404,
  insertTheme,
  recordThemeHistory,
  themeUsage,
  toTheme,
  updateThemeRow,
  type ThemeChange,
  type ThemeRow,
} from './themes-repository';

/** Keywords trimmed, without empties or case-insensitive repeats. */
export function cleanKeywords(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of keywords) {
    const keyword = raw.trim().replace(/\s+/g, ' ');
    const key = keyword.toLowerCase();
    if (keyword === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(keyword);
  }
  return out;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') {
    throw errors.validation('The theme name must not be empty.', {
      field: 'name',
    });
  }
  return trimmed;
}

function assertNameFree(
  db: Db,
  projectId: number,
  name: string,
  exceptThemeId?: number,
): void {
  const existing = findThemeByName(db, projectId, name);
  if (existing && existing.id !== exceptThemeId) {
    throw errors.themeNameTaken(existing.name);
  }
}

/**
 * The parent must be a theme of the same project, and the theme may not
 * end up among its own ancestors.
 */
function assertParent(
  db: Db,
  projectId: number,
  themeId: number | null,
  parentId: number,
): void {
  let current = findTheme(db, parentId);
  if (!current || current.projectId !== projectId) {
    throw errors.validation(
      `parentId ${parentId} is not a theme of this project.`,
      { field: 'parentId' },
    );
  }
  const seen = new Set<number>();
  while (current && !seen.has(current.id)) {
    if (current.id === themeId) {
      throw errors.validation(
        'A theme cannot be its own parent or an ancestor of its parent.',
        { field: 'parentId' },
      );
    }
    seen.add(current.id);
    current =
      current.parentId === null ? null : findTheme(db, current.parentId);
  }
}

/** Group ids, checked to belong to the project, without repeats. */
function checkGroupIds(
  db: Db,
  projectId: number,
  groupIds: number[] | null,
): number[] | null {
  if (groupIds === null) return null;
  const unique = [...new Set(groupIds)];
  if (unique.length === 0) return unique;
  const found = db
    .select({ id: respondentGroups.id })
    .from(respondentGroups)
    .where(
      and(
        eq(respondentGroups.projectId, projectId),
        inArray(respondentGroups.id, unique),
      ),
    )
    .all();
  const known = new Set(found.map((g) => g.id));
  const unknown = unique.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw errors.validation(
      `groupIds ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a respondent group' : 'are not respondent groups'} of this project.`,
      { field: 'groupIds', unknown },
    );
  }
  return unique;
}

export function createTheme(
  db: Db,
  projectId: number,
  body: CreateThemeBody,
): Theme {
  return inTransaction(db, () => {
    const name = checkName(body.name);
    assertNameFree(db, projectId, name);
    if (body.parentId != null) assertParent(db, projectId, null, body.parentId);
    const row = insertTheme(db, projectId, {
      name,
      definition: body.definition?.trim() ?? '',
      keywords: body.keywords && cleanKeywords(body.keywords),
      colour: body.colour?.toLowerCase(),
      parentId: body.parentId ?? null,
      groupIds: checkGroupIds(db, projectId, body.groupIds ?? null),
    });
    return toTheme(row);
  });
}

/** The checked change to write, from a PATCH body. */
function themeChange(
  db: Db,
  theme: ThemeRow,
  body: UpdateThemeBody,
): ThemeChange {
  const change: ThemeChange = {};
  if (body.name !== undefined) {
    change.name = checkName(body.name);
    assertNameFree(db, theme.projectId, change.name, theme.id);
  }
  if (body.definition !== undefined) change.definition = body.definition;
  if (body.keywords !== undefined) {
    change.keywords = cleanKeywords(body.keywords);
  }
  if (body.colour !== undefined) change.colour = body.colour.toLowerCase();
  if (body.parentId !== undefined) {
    if (body.parentId !== null) {
      assertParent(db, theme.projectId, theme.id, body.parentId);
    }
    change.parentId = body.parentId;
  }
  if (body.groupIds !== undefined) {
    change.groupIds = checkGroupIds(db, theme.projectId, body.groupIds);
  }
  if (body.archived !== undefined) change.archived = body.archived;
  if (body.position !== undefined) change.position = body.position;
  return change;
}

/** History rows for a change: rename, archive/unarchive, other edits. */
function recordChange(
  db: Db,
  before: ThemeRow,
  change: ThemeChange,
  actorId: number,
): void {
  const base = { projectId: before.projectId, themeId: before.id, actorId };
  if (change.name !== undefined && change.name !== before.name) {
    recordThemeHistory(db, {
      ...base,
      action: 'rename',
      detail: { from: before.name, to: change.name },
    });
  }
  if (change.archived !== undefined && change.archived !== before.archived) {
    recordThemeHistory(db, {
      ...base,
      action: change.archived ? 'archive' : 'unarchive',
      detail: { name: before.name },
    });
  }
  const edited = Object.keys(change).filter(
    (field) => field !== 'name' && field !== 'archived',
  );
  if (edited.length > 0) {
    recordThemeHistory(db, { ...base, action: 'edit', detail: { edited } });
  }
}

export function updateTheme(
  db: Db,
  themeId: number,
  body: UpdateThemeBody,
  actorId: number,
): Theme {
  return inTransaction(db, () => {
    const theme = getThemeOr404(db, themeId);
    const change = themeChange(db, theme, body);
    if (Object.keys(change).length === 0) {
      return toTheme(theme, themeUsage(db, theme));
    }
    const row = updateThemeRow(db, theme.id, change);
    recordChange(db, theme, change, actorId);
    return toTheme(row, themeUsage(db, row));
  });
}

function mergeTarget(source: ThemeRow, target: ThemeRow | null, id: number) {
  if (target === null) throw errors.notFound('theme', id);
  if (target.id === source.id) {
    throw errors.validation('A theme cannot be merged into itself.', {
      field: 'intoThemeId',
    });
  }
  if (target.projectId !== source.projectId) {
    throw errors.validation(
      'Themes can only be merged within one project: intoThemeId belongs to another project.',
      { field: 'intoThemeId' },
    );
  }
  if (target.archived) throw errors.themeArchived(target.name);
  return target;
}

/**
 * Merges one theme into another: every coding and final coding with the
 * first gets the second instead (with history), the keywords move across
 * and the first is archived. One transaction.
 */
export function mergeThemes(
  db: Db,
  themeId: number,
  intoThemeId: number,
  actorId: number,
): MergeResult {
  return inTransaction(db, () => {
    const source = getThemeOr404(db, themeId);
    const target = mergeTarget(source, findTheme(db, intoThemeId), intoThemeId);
    const counts = rewriteCodings(db, {
      themeId: source.id,
      replacementId: target.id,
      reason: 'merge',
      actorId,
    });
    adoptChildren(db, source, target);
    const merged = updateThemeRow(db, target.id, {
      keywords: cleanKeywords([...target.keywords, ...source.keywords]),
    });
    updateThemeRow(db, source.id, { archived: true });

    const base = { projectId: source.projectId, actorId };
    recordThemeHistory(db, {
      ...base,
      themeId: source.id,
      action: 'merge',
      detail: { name: source.name, intoThemeId: target.id, ...counts },
    });
    recordThemeHistory(db, {
      ...base,
      themeId: target.id,
      action: 'merged_in',
      detail: { name: target.name, fromThemeId: source.id, ...counts },
    });
    return { theme: toTheme(merged, themeUsage(db, merged)), ...counts };
  });
}

/**
 * The merged theme's children move under the theme it was merged into; if
 * that theme was itself one of them, it takes the merged theme's place.
 */
function adoptChildren(db: Db, source: ThemeRow, target: ThemeRow): void {
  db.update(themes)
    .set({ parentId: target.id })
    .where(and(eq(themes.parentId, source.id), ne(themes.id, target.id)))
    .run();
  if (target.parentId === source.id) {
    db.update(themes)
      .set({ parentId: source.parentId })
      .where(eq(themes.id, target.id))
      .run();
  }
}

/**
 * Deletes a theme. When codings or final codings use it, the delete is
 * refused unless `force` confirms removing it from them (with history).
 */
export function deleteTheme(
  db: Db,
  themeId: number,
  options: { force: boolean; actorId: number },
): void {
  inTransaction(db, () => {
    const theme = getThemeOr404(db, themeId);
    const usage = themeUsage(db, theme);
    const used = usage.codings > 0 || usage.finalCodings > 0;
    if (used && !options.force) throw errors.themeInUse(theme.name, usage);

    if (used) {
      rewriteCodings(db, {
        themeId: theme.id,
        replacementId: null,
        reason: 'theme_delete',
        actorId: options.actorId,
      });
    }
    recordThemeHistory(db, {
      projectId: theme.projectId,
      themeId: theme.id,
      actorId: options.actorId,
      action: 'delete',
      detail: { name: theme.name, ...usage, forced: used },
    });
    deleteThemeRow(db, theme);
  });
}

/** Adds a starter codebook's themes, skipping names already present. */
export function addStarterThemes(
  db: Db,
  projectId: number,
  starterId: string,
): AddStarterResult {
  const starter = findStarterCodebook(starterId);
  if (!starter) {
    throw errors.validation(`There is no starter codebook "${starterId}".`, {
      field: 'starter',
    });
  }
  return inTransaction(db, () => {
    const skipped: string[] = [];
    for (const theme of starter.themes) {
      if (findThemeByName(db, projectId, theme.name)) {
        skipped.push(theme.name);
        continue;
      }
      insertTheme(db, projectId, theme);
    }
    return { added: starter.themes.length - skipped.length, skipped };
  });
}
