import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { FastifyBaseLogger } from 'fastify';
import type { Mapping } from '../../shared/api/import';
import { insertTheme } from '../codebook/themes-repository';
import type { Db } from '../db/open-database';
import { inTransaction } from '../db/open-database';
import { importFile } from '../import/import-file';
import {
  countProjects,
  createProject,
} from '../import/import-repository';

const here = dirname(fileURLToPath(import.meta.url));

export const SAMPLE_PROJECT_NAME = 'NHS Friends and Family Test (sample)';
const SAMPLE_FILE = 'nhs-fft-sample.csv';

/** How the sample's columns map; see README.md in this folder. */
export const SAMPLE_MAPPING: Mapping = {
  layout: 'long',
  headerRows: 1,
  idColumn: 'respondent_id',
  group: {
    column: 'trust',
    values: {
      NEAS: 'North East Ambulance Service',
      NHFT: 'Nottinghamshire Healthcare',
    },
  },
  questionColumn: 'question_type',
  questionLabels: {
    nonspecific: 'Why did you give that rating?',
    could_improve: 'What could we do better?',
    what_good: 'What was good?',
  },
  textColumn: 'comment',
  attributeColumns: ['service_type_1', 'service_type_2', 'date', 'fft_score'],
  codes: { format: 'delimited', column: 'themes', coder: 'original' },
};

/**
 * On first start with an empty database (no projects), loads the bundled
 * sample survey through the same import as any upload: its codebook first
 * (names and definitions), then the comments, half with their original
 * codes. If the import fails the half-made project is removed.
 */
export async function loadSampleIfEmpty(
  db: Db,
  log: FastifyBaseLogger,
): Promise<void> {
  if (countProjects(db) > 0) return;
  const project = inTransaction(db, () => {
    const created = createProject(db, SAMPLE_PROJECT_NAME);
    for (const theme of readCodebook())
      insertTheme(db, created.id, {
        name: theme.theme,
        definition: theme.description,
      });
    return created;
  });
  try {
    const report = await importFile(db, {
      projectId: project.id,
      fileName: SAMPLE_FILE,
      bytes: readFileSync(join(here, SAMPLE_FILE)),
      mapping: SAMPLE_MAPPING,
    });
    log.info(
      { projectId: project.id, comments: report.comments },
      'sample survey loaded',
    );
  } catch (error) {
    db.$client.prepare('DELETE FROM projects WHERE id = ?').run(project.id);
    log.error({ err: error }, 'the sample survey could not be loaded');
  }
}

function readCodebook(): Array<{ theme: string; description: string }> {
  return parse<{ theme: string; description: string }>(
    readFileSync(join(here, 'nhs-fft-codebook.csv')),
    { columns: true, bom: true },
  );
}
