import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/open-database';

/**
 * On first start with an empty database, loads the bundled sample survey.
 * Placeholder: the import capability fills it in.
 */
export async function loadSampleIfEmpty(
  _db: Db,
  _log: FastifyBaseLogger,
): Promise<void> {}
