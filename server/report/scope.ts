import { eq } from 'drizzle-orm';
import {
  parseAttributeFilter,
  type AttributeFilter,
} from '../../shared/counting';
import type { Db } from '../db/open-database';
import { projects } from '../db/schema';
import { errors } from '../errors';
import type { CountScope } from './final-coding-sql';
import { findCoder } from './counts-repository';

export interface ScopeQuery {
  attr?: string | string[];
  coderId?: number;
}

export interface ResolvedScope {
  project: { id: number; name: string };
  scope: CountScope;
  coder: { id: number; name: string } | null;
}

/**
 * Checks the project, the `attr` filters and the coder of a report or
 * export request, and turns them into a count scope.
 */
export function resolveScope(
  db: Db,
  projectId: number,
  query: ScopeQuery,
): ResolvedScope {
  const project =
    db
      .select({ id: projects.id, name: projects.name })
      .from(projects)
      .where(eq(projects.id, projectId))
      .get() ?? null;
  if (!project) throw errors.notFound('project', projectId);

  const filters = parseFilters(query.attr);
  for (const filter of filters) {
    if (!hasAttribute(db, projectId, filter.name)) {
      throw errors.validation(
        `The attr filter "${filter.name}:${filter.value}" names an attribute no respondent of this project has.`,
        { parameter: 'attr', name: filter.name },
      );
    }
  }

  let coder: ResolvedScope['coder'] = null;
  if (query.coderId !== undefined) {
    coder = findCoder(db, query.coderId);
    if (!coder) throw errors.notFound('coder', query.coderId);
  }

  return {
    project,
    scope: {
      projectId,
      filters,
      coderId: coder?.id ?? null,
      singleCodingsOnly: hasOnlySingleCodings(db, projectId),
    },
    coder,
  };
}

function parseFilters(attr: string | string[] | undefined): AttributeFilter[] {
  const params = attr === undefined ? [] : Array.isArray(attr) ? attr : [attr];
  return params.map((param) => {
    const filter = parseAttributeFilter(param);
    if (!filter) {
      throw errors.validation(
        `The attr filter "${param}" is not of the form name:value (for example attr=Local authority:North).`,
        { parameter: 'attr', value: param },
      );
    }
    return filter;
  });
}

function hasAttribute(db: Db, projectId: number, name: string): boolean {
  return (
    db.$client
      .prepare(
        `SELECT 1 FROM respondents r, json_each(r.attributes) a
         WHERE r.project_id = ? AND a.key = ? LIMIT 1`,
      )
      .get(projectId, name) !== undefined
  );
}

/**
 * True when no comment of the project has a lead decision or codings by
 * more than one coder, so the final coding of each comment is simply its
 * one coding. Cheap next to a count: see `hasDoubleCodings`.
 */
export function hasOnlySingleCodings(db: Db, projectId: number): boolean {
  const decided = db.$client
    .prepare(
      `SELECT 1 FROM final_codings f
       JOIN comments c ON c.id = f.comment_id
       WHERE c.project_id = ? LIMIT 1`,
    )
    .get(projectId);
  return decided === undefined && !hasDoubleCodings(db, projectId);
}

/**
 * Whether a comment of the project has two or more codings. First asked
 * of the whole database, which the (comment, coder) index answers by
 * counting without a sort or a join; only when some comment somewhere has
 * several codings is the project's own question asked. Part of every
 * count, so it must stay small next to one.
 */
function hasDoubleCodings(db: Db, projectId: number): boolean {
  const anywhere = db.$client
    .prepare<[], number>(
      `SELECT (SELECT count(*) FROM codings)
         > (SELECT count(DISTINCT comment_id) FROM codings)`,
    )
    .pluck()
    .get();
  if (!anywhere) return false;
  const here = db.$client
    .prepare(
      `SELECT 1 FROM (
         SELECT comment_id FROM codings
         GROUP BY comment_id HAVING count(*) > 1
       ) m
       JOIN comments c ON c.id = m.comment_id
       WHERE c.project_id = ?
       LIMIT 1`,
    )
    .get(projectId);
  return here !== undefined;
}
