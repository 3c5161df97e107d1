/**
 * Writes a checked file: respondents, comments, closed answers and imported
 * codings. Runs inside the import's one transaction. A respondent is their
 * id within their group: a row whose id and group the project already has
 * is matched to that respondent (the same id in another group is another
 * respondent). A matched respondent's answer with the same text is the same
 * comment (a second coder's file adds its codings to it); a different
 * answer is a problem, and the transaction is rolled back.
 */
import type { ImportReport, Mapping } from '../../shared/api/import';
import {
  isBlank,
  matchingForm,
  nameKey,
  placeholderMatcher,
} from '../../shared/text';
import { ensureCoder } from '../coders/local-coder';
import { findThemeByName, insertTheme } from '../codebook/themes-repository';
import type { Db } from '../db/open-database';
import { errors, type FileProblem } from '../errors';
import { ImportWriter, type ProjectRow } from './import-repository';
import type { Table } from './read-file';
import type { CodesRef, QuestionRef, ResolvedMapping } from './resolve-mapping';
import {
  cell,
  isBlankRow,
  respondentKey,
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
  /** Warnings found while checking the file, for the report. */
  warnings: readonly string[];
  onRows: (rows: number) => void;
}

interface QuestionTally {
  id: number;
  key: string;
  label: string;
  comments: number;
}

interface GroupTally {
  id: number;
  respondents: number;
  respondentsNew: number;
  respondentsMatched: number;
}

/** What the writer accumulates while it goes through the rows. */
class Tally {
  respondents = 0;
  respondentsMatched = 0;
  comments = 0;
  commentsMatched = 0;
  closedNew = 0;
  codingsNew = 0;
  substantive = 0;
  placeholders = 0;
  skippedBlank = 0;
  readonly questions = new Map<string, QuestionTally>();
  readonly closed = new Map<string, QuestionTally>();
  readonly groups = new Map<string, GroupTally>();
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
    if (r.layout === 'wide')
      context.wideRow(row, i - input.headerRows + 1, i + 1);
    else context.longRow(row, i + 1);
    if (i % 5000 === 0) input.onRows(i);
  }

  context.writeCodings();
  context.writeFilledAttributes();
  if (context.problems.length > 0)
    throw errors.badFile(input.fileName, context.problems);
  if (tally.comments === 0) throw errors.noComments(input.fileName);
  if (nothingNew(tally)) throw errors.nothingNew(input.fileName);
  const report = buildReport(importId, input, tally);
  writer.finishImport(importId, { mapping: input.mapping, report });
  return report;
}

function nothingNew(t: Tally): boolean {
  const respondentsNew = t.respondents - t.respondentsMatched;
  const commentsNew = t.comments - t.commentsMatched;
  return respondentsNew + commentsNew + t.closedNew + t.codingsNew === 0;
}

function buildReport(
  importId: number,
  input: WriteInput,
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
    fileName: input.fileName,
    respondents: t.respondents,
    respondentsNew: t.respondents - t.respondentsMatched,
    respondentsMatched: t.respondentsMatched,
    comments: t.comments,
    commentsNew: t.comments - t.commentsMatched,
    commentsMatched: t.commentsMatched,
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
    warnings: [...input.warnings],
  };
}

/** Turns rows into inserts, with the caches one import needs. */
class RowContext {
  private readonly r: ResolvedMapping;
  /** Wide layout: the code specs of each question, by position. */
  private readonly codesByQuestion: CodesRef[][];
  private readonly isPlaceholder: (text: string) => boolean;
  private readonly themeIds = new Map<string, number>();
  /** Long layout: respondents (id within group) and comments seen so far. */
  private readonly respondentIds = new Map<string, number>();
  private readonly commentIds = new Map<string, number | null>();
  /**
   * Long layout: the attributes of new respondents, whose blank values a
   * later row of theirs may fill in.
   */
  private readonly attributesOf = new Map<number, Record<string, string>>();
  private readonly filledLater = new Set<number>();
  /** The project's respondents by group and survey id (with an id column). */
  private readonly existing: Map<string, number>;
  /** Matched respondents' comments: respondent → question → comments. */
  private readonly earlier = new Map<
    number,
    Map<number, Array<{ id: number; norm: string }>>
  >();
  private readonly externalIds = new Map<number, string>();
  /** Comments already in the project that this file answers again. */
  private readonly reused = new Map<
    number,
    { row: number; respondent: string }
  >();
  readonly problems: FileProblem[] = [];

  constructor(
    private readonly input: WriteInput,
    private readonly writer: ImportWriter,
    private readonly tally: Tally,
    private readonly importId: number,
  ) {
    this.r = input.resolved;
    this.existing = this.r.id
      ? writer.respondentsByGroupAndId(projectKey)
      : new Map<string, number>();
    this.isPlaceholder = placeholderMatcher(input.project.placeholders);
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

  wideRow(row: readonly string[], dataRow: number, fileRow: number): void {
    const externalId = this.r.id ? cell(row, this.r.id.index) : `${dataRow}`;
    const respondentId = this.respondent(row, externalId, this.rowGroup(row));
    this.r.questions.forEach((q, position) => {
      const at = { row: fileRow, column: q.column };
      const text = cell(row, q.index);
      const commentId = this.comment(respondentId, q, text, at);
      if (commentId === null) return;
      for (const codes of this.codesByQuestion[position] ?? [])
        this.addCodes(codes, commentId, row);
    });
    this.closedAnswers(respondentId, row);
  }

  longRow(row: readonly string[], fileRow: number): void {
    const externalId = this.r.id ? cell(row, this.r.id.index) : `${fileRow}`;
    const group = this.rowGroup(row);
    const inFile = respondentKey(externalId, group.name);
    let respondentId = this.respondentIds.get(inFile);
    if (respondentId === undefined) {
      respondentId = this.respondent(row, externalId, group);
      if (this.r.id) this.respondentIds.set(inFile, respondentId);
    } else {
      this.fillBlankAttributes(respondentId, row);
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
      const at = { row: fileRow, column: this.r.text?.name ?? '' };
      commentId = this.comment(respondentId, question, text, at);
      this.commentIds.set(key, commentId);
    }
    if (commentId === null) return;
    for (const codes of this.r.codes) this.addCodes(codes, commentId, row);
  }

  private rowGroup(row: readonly string[]) {
    return rowGroup(row, this.r.group, this.input.columnNames);
  }

  /**
   * The respondent of a row: the project's respondent with that id in that
   * group when there is one (matched), else a new one.
   */
  private respondent(
    row: readonly string[],
    externalId: string,
    group: { name: string | null; unmapped: string | null },
  ): number {
    if (group.unmapped !== null)
      this.tally.unmapped.set(
        group.unmapped,
        (this.tally.unmapped.get(group.unmapped) ?? 0) + 1,
      );
    const groupTally = group.name === null ? null : this.group(group.name);
    const groupId = groupTally?.id ?? null;
    this.tally.respondents += 1;
    if (groupTally) groupTally.respondents += 1;
    const matched =
      this.existing.size === 0
        ? undefined
        : this.existing.get(projectKey(groupId, externalId));
    if (matched !== undefined) {
      this.tally.respondentsMatched += 1;
      if (groupTally) groupTally.respondentsMatched += 1;
      const label =
        group.name === null ? externalId : `${externalId} (${group.name})`;
      this.rememberEarlier(matched, label);
      return matched;
    }
    if (groupTally) groupTally.respondentsNew += 1;
    const attributes: Record<string, string> = {};
    for (const a of this.r.attributes) attributes[a.name] = cell(row, a.index);
    const id = this.writer.insertRespondent(
      this.importId,
      externalId,
      groupId,
      JSON.stringify(attributes),
    );
    if (this.r.layout === 'long' && this.r.id && this.r.attributes.length > 0)
      this.attributesOf.set(id, attributes);
    return id;
  }

  /**
   * Long layout: a new respondent's blank attribute takes the value of a
   * later row; a value already there is kept (the preview and the report
   * warn about columns whose values differ).
   */
  private fillBlankAttributes(
    respondentId: number,
    row: readonly string[],
  ): void {
    const attributes = this.attributesOf.get(respondentId);
    if (!attributes) return;
    for (const a of this.r.attributes) {
      const value = cell(row, a.index);
      if (isBlank(attributes[a.name] ?? '') && !isBlank(value)) {
        attributes[a.name] = value;
        this.filledLater.add(respondentId);
      }
    }
  }

  writeFilledAttributes(): void {
    for (const id of this.filledLater)
      this.writer.updateAttributes(
        id,
        JSON.stringify(this.attributesOf.get(id) ?? {}),
      );
  }

  /** The group's tally; the group is created if the project lacks it. */
  private group(name: string): GroupTally {
    let group = this.tally.groups.get(name);
    if (!group) {
      group = {
        id: this.writer.ensureGroup(name),
        respondents: 0,
        respondentsNew: 0,
        respondentsMatched: 0,
      };
      this.tally.groups.set(name, group);
    }
    return group;
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

  /** `label` names the respondent in problems: `P001 (Children)`. */
  private rememberEarlier(respondentId: number, label: string): void {
    if (this.earlier.has(respondentId)) return;
    const byQuestion = new Map<number, Array<{ id: number; norm: string }>>();
    for (const c of this.writer.commentsOf(respondentId)) {
      const list = byQuestion.get(c.questionId) ?? [];
      list.push({ id: c.id, norm: c.norm });
      byQuestion.set(c.questionId, list);
    }
    this.earlier.set(respondentId, byQuestion);
    this.externalIds.set(respondentId, label);
  }

  /**
   * The comment of a non-blank answer (null for a blank one): the matched
   * respondent's comment with the same text, or a new comment.
   */
  private comment(
    respondentId: number,
    ref: Pick<QuestionRef, 'key' | 'label'>,
    text: string,
    at: { row: number; column: string },
  ): number | null {
    if (isBlank(text)) {
      this.tally.skippedBlank += 1;
      return null;
    }
    const question = this.question(ref.key, ref.label, 'open');
    const norm = matchingForm(text);
    const earlier = this.earlier.get(respondentId)?.get(question.id);
    let commentId: number | null = null;
    if (earlier && earlier.length > 0) {
      commentId = earlier.find((c) => c.norm === norm)?.id ?? null;
      const respondent = this.externalIds.get(respondentId) ?? '';
      if (commentId === null) {
        this.problems.push({
          file: this.input.fileName,
          ...at,
          message: `Respondent ${respondent} already has a different answer to ${question.key}.`,
        });
        return null;
      }
      this.reused.set(commentId, { row: at.row, respondent });
      this.tally.commentsMatched += 1;
    }
    const substantive = !this.isPlaceholder(text);
    question.comments += 1;
    this.tally.comments += 1;
    if (substantive) this.tally.substantive += 1;
    else this.tally.placeholders += 1;
    return (
      commentId ??
      this.writer.insertComment(
        respondentId,
        question.id,
        text,
        norm,
        substantive,
      )
    );
  }

  /**
   * Writes the codings gathered from the rows. A coder who already coded a
   * comment this file answers again is a problem: one coding per coder.
   */
  writeCodings(): void {
    for (const [coder, codings] of this.tally.codings) {
      const coderId = ensureCoder(this.input.db, coder, 'import');
      for (const [commentId, themeIds] of codings) {
        const reused = this.reused.get(commentId);
        if (reused && this.writer.hasCoding(commentId, coderId)) {
          this.problems.push({
            file: this.input.fileName,
            row: reused.row,
            message: `Coder "${coder}" has already coded the answer of respondent ${reused.respondent}: import each coder’s codes once.`,
          });
          continue;
        }
        this.writer.insertCoding(commentId, coderId, [...themeIds]);
        this.tally.codingsNew += 1;
      }
    }
  }

  private closedAnswers(respondentId: number, row: readonly string[]): void {
    for (const q of this.r.closed) {
      const value = cell(row, q.index);
      if (isBlank(value)) continue;
      const question = this.question(q.key, q.label, 'closed');
      question.comments += 1;
      if (this.writer.insertClosed(respondentId, question.id, value.trim()))
        this.tally.closedNew += 1;
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
    const names = codeNames(codes, row);
    if (codes.format !== 'binary' && names.length === 0) return;
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

/** A project's respondent: their survey id within their group. */
export function projectKey(groupId: number | null, externalId: string): string {
  return `${groupId ?? ''}\u0000${externalId}`;
}

/** The theme names a row gives one coder. */
function codeNames(codes: CodesRef, row: readonly string[]): string[] {
  if (codes.format === 'binary')
    return codes.columns
      .filter((c) => ticked(cell(row, c.index)) === true)
      .map((c) => c.theme);
  if (codes.format === 'delimited')
    return splitCodes(cell(row, codes.index), codes.delimiter);
  return codes.columns
    .map((c) => cell(row, c.index).trim())
    .filter((name) => name !== '');
}
