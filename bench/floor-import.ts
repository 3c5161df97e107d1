/**
 * The import floor: csv-parse plus prepared inserts in one transaction into
 * the same tables, with none of Verbatim's checks. Run as a child process so
 * its peak memory is its own; prints one JSON line.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { openDatabase } from '../server/db/open-database';

const [csvFile, dbFile] = process.argv.slice(2);
if (!csvFile || !dbFile) throw new Error('usage: floor-import <csv> <db>');

const started = performance.now();
const db = openDatabase(dbFile);
const sqlite = db.$client;
const projectId = Number(
  sqlite
    .prepare("INSERT INTO projects (name) VALUES ('floor') RETURNING id")
    .pluck()
    .get(),
);
const groupIds = new Map<string, number>();
const insertGroup = sqlite.prepare(
  'INSERT INTO respondent_groups (project_id, name) VALUES (?, ?) RETURNING id',
);
const insertQuestion = sqlite.prepare(
  "INSERT INTO questions (project_id, key, label, kind) VALUES (?, ?, ?, 'open') RETURNING id",
);
const insertRespondent = sqlite.prepare(
  'INSERT INTO respondents (project_id, external_id, group_id, attributes) VALUES (?, ?, ?, ?) RETURNING id',
);
const insertComment = sqlite.prepare(
  'INSERT INTO comments (project_id, respondent_id, question_id, text, norm_text, substantive) VALUES (?, ?, ?, ?, ?, 1)',
);

let questionIds: number[] = [];
let header: string[] | null = null;
sqlite.exec('BEGIN');
for await (const record of createReadStream(csvFile).pipe(
  parse({ bom: true }),
)) {
  const row = record as string[];
  if (!header) {
    header = row;
    questionIds = [3, 4, 5].map((i) =>
      Number(insertQuestion.pluck().get(projectId, row[i], row[i])),
    );
    continue;
  }
  const groupName = row[1] ?? '';
  let groupId = groupIds.get(groupName);
  if (groupId === undefined) {
    groupId = Number(insertGroup.pluck().get(projectId, groupName));
    groupIds.set(groupName, groupId);
  }
  const attributes = JSON.stringify({ [header[2] ?? '']: row[2] });
  const respondentId = Number(
    insertRespondent.pluck().get(projectId, row[0], groupId, attributes),
  );
  questionIds.forEach((questionId, i) => {
    const text = row[i + 3] ?? '';
    if (text.trim() !== '') {
      insertComment.run(projectId, respondentId, questionId, text, text.trim());
    }
  });
}
sqlite.exec('COMMIT');
const ms = performance.now() - started;
sqlite.close();
console.log(
  JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
);
