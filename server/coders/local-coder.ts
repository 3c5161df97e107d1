import { eq } from 'drizzle-orm';
import type { Db } from '../db/open-database';
import { coders } from '../db/schema';

export const LOCAL_CODER_NAME = 'local';

/** The coder every request acts as until accounts exist (issue: accounts). */
export function ensureLocalCoder(db: Db): number {
  return ensureCoder(db, LOCAL_CODER_NAME, 'person');
}

/** Finds a coder by name, creating it when absent. */
export function ensureCoder(
  db: Db,
  name: string,
  kind: 'person' | 'import',
): number {
  const found = db
    .select({ id: coders.id })
    .from(coders)
    .where(eq(coders.name, name))
    .get();
  if (found) return found.id;
  return db.insert(coders).values({ name, kind }).returning().get().id;
}
