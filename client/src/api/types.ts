// Local mirrors of the JSON API contract in ARCHITECTURE.md.
// Not yet: switch to the TypeBox types in shared/api/* once they all land.

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export interface FileProblem {
  file: string;
  row?: number;
  column?: string;
  message: string;
}

export interface Coder {
  id: number;
  name: string;
  kind?: string;
}

export interface ProjectSummary {
  id: number;
  name: string;
  createdAt: string;
  respondents: number;
  comments: number;
  codedComments: number;
}

export type StarterId = 'parents' | 'practitioners';

export interface Group {
  id: number;
  name: string;
  respondents: number;
}

export interface Question {
  id: number;
  key: string;
  label: string;
  kind: string;
  comments: number;
}

export interface Attribute {
  name: string;
  values: string[];
}

export interface ProjectDetail {
  id: number;
  name: string;
  settings: { placeholders: string[] };
  groups: Group[];
  questions: Question[];
  attributes: Attribute[];
  coders: Coder[];
}

export interface PreviewColumn {
  index: number;
  name: string;
  samples: string[];
  filled: number;
  kind: string;
}

export type GroupMapping = { column: number } | { fixed: string } | null;

export interface QuestionMapping {
  column: number;
  key?: string;
  label?: string;
}

export type CodesMapping =
  | {
      coder: string;
      format: 'binary';
      columns: { column: number; theme: string }[];
    }
  | { coder: string; format: 'delimited'; column: number; delimiter: string };

export interface ImportMapping {
  layout: 'wide' | 'long';
  headerRows: number;
  sheet?: string;
  delimiter?: string;
  idColumn: number;
  group: GroupMapping;
  questions: QuestionMapping[];
  questionColumn?: number;
  textColumn?: number;
  closedColumns: number[];
  attributeColumns: number[];
  codes?: CodesMapping;
}

export interface ImportPreview {
  fileName: string;
  format: string;
  encoding: string;
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  headerRows: number;
  columns: PreviewColumn[];
  rows: string[][];
  rowCount: number;
  proposedMapping: ImportMapping;
}

export interface ImportReport {
  importId: number;
  respondents: number;
  comments: number;
  substantive: number;
  placeholders: number;
  skippedBlank: number;
  questions: number;
  groups: number;
  codings: number;
  coder: string | null;
  newThemes: number | string[];
}

export interface ImportProgress {
  phase: string;
  rows: number;
  totalRows: number;
}

export interface ThemeUsage {
  codings: number;
  comments: number;
  finalCodings: number;
}

export interface Theme {
  id: number;
  name: string;
  definition: string;
  keywords: string[];
  colour: string;
  parentId: number | null;
  groupIds: number[];
  archived: boolean;
  position: number;
  usage?: ThemeUsage;
}

export interface ThemeInput {
  name: string;
  definition?: string;
  keywords?: string[];
  colour?: string;
  groupIds?: number[];
  archived?: boolean;
}

export interface StarterCodebook {
  id: StarterId;
  name: string;
  themes: { name: string; definition: string; keywords: string[] }[];
}

export interface Queue {
  total: number;
  coded: number;
  commentIds: number[];
}

export interface Match {
  start: number;
  end: number;
  text: string;
  keyword: string;
}

export interface Suggestion {
  themeId: number;
  score: number;
  matches: Match[];
}

export interface Coding {
  themeIds: number[];
  version: number;
  coderId: number;
  updatedAt: string;
}

export interface CommentDetail {
  id: number;
  text: string;
  substantive: boolean;
  question: { id: number; key: string; label: string };
  group: { id: number; name: string } | null;
  respondent: {
    id: number;
    externalId: string;
    attributes: Record<string, string>;
  };
  coding: Coding | null;
  otherCodings: { coder: string; themeIds: number[] }[];
  suggestions: Suggestion[];
}

export interface BaseCounts {
  comments: number;
  placeholders: number;
  coded: number;
  unreconciled: number;
  uncoded: number;
}

export interface ReportCounts {
  questions: Question[];
  groups: {
    id: number;
    name: string;
    respondents: number;
    base: Record<string, BaseCounts>;
  }[];
  themes: { id: number; name: string; colour: string; archived: boolean; total: number }[];
  cells: {
    themeId: number;
    questionId: number;
    groupId: number;
    count: number;
    base: number;
    percent: number;
  }[];
  note: string;
}

export interface ReportComment {
  id: number;
  text: string;
  respondentExternalId: string;
  group: string | { id: number; name: string } | null;
  question: string | { id: number; key: string; label: string };
  themes: (string | { id: number; name: string })[];
}
