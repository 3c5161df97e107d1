import { asc, eq } from 'drizzle-orm';
import {
  buildKeywordIndex,
  type KeywordIndex,
} from '../../shared/suggest/keyword-index';
import type { Db } from '../db/open-database';
import { themes } from '../db/schema';

interface CachedIndex {
  fingerprint: string;
  index: KeywordIndex;
}

/**
 * One keyword index per project and database, rebuilt when the codebook
 * changes. Keyed on the Db object so two databases (tests, a reopened
 * file) never share an entry.
 */
const cache = new WeakMap<Db, Map<number, CachedIndex>>();

/**
 * Everything the index depends on, as one string: the SQL reads a few
 * dozen short rows, while rebuilding stems every keyword. Comparing the
 * whole string (not a count or a max) keeps the cache exact: an edit that
 * swaps one keyword for another of the same length still rebuilds.
 */
function codebookFingerprint(db: Db, projectId: number): string {
  const row = db.$client
    .prepare(
      `SELECT group_concat(part, char(30)) AS fingerprint FROM (
         SELECT id || char(31) || archived || char(31) ||
                coalesce(group_ids, '') || char(31) || keywords AS part
         FROM themes WHERE project_id = ? ORDER BY id)`,
    )
    .get(projectId) as { fingerprint: string | null } | undefined;
  return row?.fingerprint ?? '';
}

function loadIndex(db: Db, projectId: number): KeywordIndex {
  const rows = db
    .select({
      id: themes.id,
      name: themes.name,
      keywords: themes.keywords,
      archived: themes.archived,
      groupIds: themes.groupIds,
    })
    .from(themes)
    .where(eq(themes.projectId, projectId))
    .orderBy(asc(themes.id))
    .all();
  return buildKeywordIndex(rows);
}

/** The project's keyword index, built on first use and after any change. */
export function keywordIndexFor(db: Db, projectId: number): KeywordIndex {
  let perProject = cache.get(db);
  if (!perProject) {
    perProject = new Map();
    cache.set(db, perProject);
  }
  const fingerprint = codebookFingerprint(db, projectId);
  const cached = perProject.get(projectId);
  if (cached && cached.fingerprint === fingerprint) return cached.index;

  const index = loadIndex(db, projectId);
  perProject.set(projectId, { fingerprint, index });
  return index;
}
