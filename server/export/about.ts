/**
 * The About sheet of an XLSX export: what the file holds and under which
 * filter and coder scope, so a workbook passed on still says what it is.
 */
import { describeFilters, type ExportKind } from '../../shared/api/export';
import type { AttributeFilter } from '../../shared/counting';
import type { Row } from './tables';

export interface AboutFacts {
  project: string;
  kind: ExportKind;
  exportedAt: Date;
  filters: readonly AttributeFilter[];
  /** The one group exported, when only one was. */
  group: string | null;
  coder: { name: string } | null;
  /** What each row holds or counts, in words. */
  counted: string;
  /** The counting note, for counts. */
  note: string | null;
}

/** What the rows of a codings export are, in words. */
export function describeCodingRows(
  kind: Exclude<ExportKind, 'counts'>,
  coder: { name: string } | null,
): string {
  if (kind === 'codings-long') {
    return coder
      ? `One row per theme of each coding by ${coder.name}; a coding without themes, or a comment ${coder.name} has not coded, is one row with an empty theme.`
      : 'One row per theme of each coding, then the final coding as coder "(final)"; a coding without themes, or a comment nobody coded, is one row with an empty theme.';
  }
  return coder
    ? `One row per comment, with a 0/1 column per theme of ${coder.name}'s coding (empty when they have not coded it).`
    : 'One row per comment, with a 0/1 column per theme of its final coding (empty when it has none: unreconciled or uncoded).';
}

function coderScope(coder: { name: string } | null): string {
  return coder
    ? `Only the codings of ${coder.name}.`
    : 'Final codings: a lead decision, the only coding, or the coders’ agreed coding. Comments whose coders differ (unreconciled) carry no theme.';
}

/** Label and value rows, header first. */
export function aboutRows(facts: AboutFacts): Row[] {
  const rows: Row[] = [
    ['about', 'value'],
    ['Project', facts.project],
    ['Export', facts.kind],
    ['Exported at', facts.exportedAt.toISOString()],
    ['Filter', describeFilters(facts.filters) || 'None: all respondents'],
  ];
  if (facts.group !== null) rows.push(['Group', facts.group]);
  rows.push(['What is counted', facts.counted]);
  if (facts.note !== null) rows.push(['Note', facts.note]);
  rows.push(['Coder scope', coderScope(facts.coder)]);
  return rows;
}
