/**
 * Writes a checked file: respondents, comments, closed answers and imported
 * codings. Runs inside the import's one transaction and never throws for
 * the file's content (the checks ran first).
 */
import type { ImportReport, Mapping } from '../../shared/api/import';
import { isBlank, matchingForm, nameKey } from '../../shared/text';
import { ensureCoder } from '../coders/local-coder';
import { findThemeByName, insertTheme } from '../codebook/themes-repository';
import type { Db } from '../db/open-database';
import { ImportWriter, type ProjectRow } from './import-repository';
import type { Table } from './read-file';
import type { CodesRef, QuestionRef, ResolvedMapping } from './resolve-mapping';
import {
  cell,
  isBlankRow,
  placeholderTest,
  rowGroup,
  rowQuestion,
  splitCodes,
  ticked,
} from './row-values';

export interface WriteInput {
  db: Db;
  project: ProjectRow;
  table: Table;
  headerRows: number;
  columnNames: ReadonlySet<string>;
  resolved: ResolvedMapping;
  mapping: Mapping;
  fileName: string;
  contentHash: string;
  onRows: (rows: number) => void;
}

interface QuestionTally {
  id: number;
  key: string;
  label: string;
  comments: number;
}

/** What the writer accumulates while it goes through the rows. */
class Tally {
  respondents = 0;
  comments = 0;
  substantive = 0;
  placeholders = 0;
  skippedBlank = 0;
  readonly questions = new Map<string, QuestionTally>();
  readonly closed = new Map<string, QuestionTally>();
  readonly groups = new Map<string, { id: number; respondents: number }>();
  readonly unmapped = new Map<string, number>();
  /** Coder → comment id → theme ids, written as codings at the end. */
  readonly codings = new Map<string, Map<number, Set<number>>>();
  readonly newThemes: string[] = [];
}

export function writeRows(input: WriteInput): ImportReport {
  const { db, project, resolved: r } = input;
  const writer = new ImportWriter(db, project.id);
  const importId = writer.insertImport(input.fileName, input.contentHash);
  const tally = new Tally();
  const context = new RowContext(input, writer, tally, importId);

  const rows = input.table.rows;
  for (let i = input.headerRows; i < rows.length; i += 1) {
    const row = rows[i] ?? [];
    if (isBlankRow(row)) continue;
    if (r.layout === 'wide') context.wideRow(row, i - input.headerRows + 1);
    else context.longRow(row, i + 1);
    if (i % 5000 === 0) input.onRows(i);
  }

  for (const [coder, codings] of tally.codings) {
    const coderId = ensureCoder(db, coder, 'import');
    for (const [commentId, themeIds] of codings)
      writer.insertCoding(commentId, coderId, [...themeIds]);
  }
  const report = buildReport(importId, input.fileName, tally);
  writer.finishImport(importId, { mapping: input.mapping, report });
  return report;
}

function buildReport(
  importId: number,
  fileName: string,
  t: Tally,
): ImportReport {
  const coders = [...t.codings].map(([name, codings]) => ({
    name,
    codings: codings.size,
  }));
  const unmapped = [...t.unmapped].map(([value, respondents]) => ({
    value,
    respondents,
  }));
  return {
    importId,
    fileName,
    respondents: t.respondents,
    comments: t.comments,
    substantive: t.substantive,
    placeholders: t.placeholders,
    skippedBlank: t.skippedBlank,
    questions: [...t.questions.values()],
    closedQuestions: [...t.closed.values()].map(({ comments, ...q }) => ({
      ...q,
      answers: comments,
    })),
    groups: [...t.groups].map(([name, g]) => ({ name, ...g })),
    codings: coders.reduce((n, c) => n + c.codings, 0),
    coder: coders[0]?.name ?? null,
    coders,
    newThemes: t.newThemes,
    ...(unmapped.length ? { unmappedGroupValues: unmapped } : {}),
  };
}

/** Turns rows into inserts, with the caches one import needs. */
class RowContext {
  private readonly r: ResolvedMapping;
  /** Wide layout: the code specs of each question, by position. */
  private readonly codesByQuestion: CodesRef[][];
  private readonly isPlaceholder: (text: string) => boolean;
  private readonly themeIds = new Map<string, number>();
  /** Long layout: respondent ids and comments seen so far. */
  private readonly respondentIds = new Map<string, number>();
  private readonly commentIds = new Map<string, number | null>();

  constructor(
    private readonly input: WriteInput,
    private readonly writer: ImportWriter,
    private readonly tally: Tally,
    private readonly importId: number,
  ) {
    this.r = input.resolved;
    this.isPlaceholder = placeholderTest(input.project.placeholders);
    for (const q of this.r.questions) this.question(q.key, q.label, 'open');
    for (const q of this.r.closed) this.question(q.key, q.label, 'closed');
    this.codesByQuestion = this.r.questions.map((_, position) =>
      this.r.codes.filter((c) => c.question === position),
    );
    for (const codes of this.r.codes) {
      // Every coder is reported, even one who coded nothing here.
      this.codingsOf(codes.coder);
      // Every theme column is a theme, even one no row ticks.
      if (codes.format === 'binary')
        for (const c of codes.columns) this.theme(c.theme);
    }
  }

  wideRow(row: readonly string[], dataRow: number): void {
    const respondentId = this.respondent(row, String(dataRow));
    this.r.questions.forEach((q, position) => {
      const commentId = this.comment(respondentId, q, cell(row, q.index));
      if (commentId === null) return;
      for (const codes of this.codesByQuestion[position] ?? [])
        this.addCodes(codes, commentId, row);
    });
    this.closedAnswers(respondentId, row);
  }

  longRow(row: readonly string[], fileRow: number): void {
    const externalId = this.r.id ? cell(row, this.r.id.index) : `${fileRow}`;
    let respondentId = this.respondentIds.get(externalId);
    if (respondentId === undefined) {
      respondentId = this.respondent(row, externalId);
      if (this.r.id) this.respondentIds.set(externalId, respondentId);
    }
    this.closedAnswers(respondentId, row);
    const question = rowQuestion(row, this.r);
    if (!question) return;
    // Files with one row per code repeat the answer on each row: rows with
    // the same respondent, question and text are one comment.
    const text = this.r.text ? cell(row, this.r.text.index) : '';
    const key = `${respondentId}\u0000${question.key}\u0000${text}`;
    let commentId = this.commentIds.get(key);
    if (commentId === undefined) {
      commentId = this.comment(respondentId, question, text);
      this.commentIds.set(key, commentId);
    }
    if (commentId === null) return;
    for (const codes of this.r.codes) this.addCodes(codes, commentId, row);
  }

  private respondent(row: readonly string[], generatedId: string): number {
    const externalId = this.r.id ? cell(row, this.r.id.index) : generatedId;
    const group = rowGroup(row, this.r.group, this.input.columnNames);
    if (group.unmapped !== null)
      this.tally.unmapped.set(
        group.unmapped,
        (this.tally.unmapped.get(group.unmapped) ?? 0) + 1,
      );
    const groupId = group.name === null ? null : this.group(group.name);
    const attributes: Record<string, string> = {};
    for (const a of this.r.attributes) attributes[a.name] = cell(row, a.index);
    this.tally.respondents += 1;
    return this.writer.insertRespondent(
      this.importId,
      externalId,
      groupId,
      JSON.stringify(attributes),
    );
  }

  private group(name: string): number {
    let group = this.tally.groups.get(name);
    if (!group) {
      group = { id: this.writer.ensureGroup(name), respondents: 0 };
      this.tally.groups.set(name, group);
    }
    group.respondents += 1;
    return group.id;
  }

  private question(
    key: string,
    label: string,
    kind: 'open' | 'closed',
  ): QuestionTally {
    const map = kind === 'open' ? this.tally.questions : this.tally.closed;
    let q = map.get(key);
    if (!q) {
      const found = this.writer.ensureQuestion(key, label, kind);
      q = { id: found.id, key, label: found.label, comments: 0 };
      map.set(key, q);
    }
    return q;
  }

  /** Inserts a non-blank answer as a comment; null for a blank one. */
  private comment(
    respondentId: number,
    ref: Pick<QuestionRef, 'key' | 'label'>,
    text: string,
  ): number | null {
    if (isBlank(text)) {
      this.tally.skippedBlank += 1;
      return null;
    }
    const question = this.question(ref.key, ref.label, 'open');
    const substantive = !this.isPlaceholder(text);
    question.comments += 1;
    this.tally.comments += 1;
    if (substantive) this.tally.substantive += 1;
    else this.tally.placeholders += 1;
    return this.writer.insertComment(
      respondentId,
      question.id,
      text,
      matchingForm(text),
      substantive,
    );
  }

  private closedAnswers(respondentId: number, row: readonly string[]): void {
    for (const q of this.r.closed) {
      const value = cell(row, q.index);
      if (isBlank(value)) continue;
      const question = this.question(q.key, q.label, 'closed');
      question.comments += 1;
      this.writer.insertClosed(respondentId, question.id, value.trim());
    }
  }

  /**
   * Adds the row's codes to the coder's coding of the comment. Theme
   * columns always give a coding (all 0 = "no theme applies"); an empty
   * theme-list cell gives none: that coder did not code the comment.
   */
  private addCodes(
    codes: CodesRef,
    commentId: number,
    row: readonly string[],
  ): void {
    const names =
      codes.format === 'binary'
        ? codes.columns
            .filter((c) => ticked(cell(row, c.index)) === true)
            .map((c) => c.theme)
        : splitCodes(cell(row, codes.index), codes.delimiter);
    if (codes.format === 'delimited' && names.length === 0) return;
    const codings = this.codingsOf(codes.coder);
    let themes = codings.get(commentId);
    if (!themes) {
      themes = new Set();
      codings.set(commentId, themes);
    }
    for (const name of names) themes.add(this.theme(name));
  }

  private codingsOf(coder: string): Map<number, Set<number>> {
    let codings = this.tally.codings.get(coder);
    if (!codings) {
      codings = new Map();
      this.tally.codings.set(coder, codings);
    }
    return codings;
  }

  private theme(name: string): number {
    const key = nameKey(name);
    const cached = this.themeIds.get(key);
    if (cached !== undefined) return cached;
    const { db, project } = this.input;
    let theme = findThemeByName(db, project.id, name);
    if (!theme) {
      theme = insertTheme(db, project.id, { name });
      this.tally.newThemes.push(theme.name);
    }
    this.themeIds.set(key, theme.id);
    return theme.id;
  }
}
