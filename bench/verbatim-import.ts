/**
 * Verbatim's own import of the benchmark file, run as a child process so
 * its peak memory is its own; prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openDatabase } from '../server/db/open-database';
import { projects } from '../server/db/schema';
import { importFile } from '../server/import/import-file';

const [csvFile, dbFile] = process.argv.slice(2);
if (!csvFile || !dbFile) throw new Error('usage: verbatim-import <csv> <db>');

const started = performance.now();
const db = openDatabase(dbFile);
const project = db.insert(projects).values({ name: 'bench' }).returning().get();
const report = await importFile(db, {
  projectId: project.id,
  fileName: basename(csvFile),
  bytes: readFileSync(csvFile),
  mapping: {
    layout: 'wide',
    headerRows: 1,
    idColumn: 'RespondentID',
    group: { column: 'Group' },
    questions: [
      { column: 'worked' },
      { column: 'not_worked' },
      { column: 'change' },
    ],
  },
});
const ms = performance.now() - started;
db.$client.close();
console.log(
  JSON.stringify({
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    projectId: project.id,
    comments: report.comments,
  }),
);
