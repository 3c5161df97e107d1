/**
 * Request and response shapes of the import routes, shared with the client.
 * A mapping says how the columns of an uploaded file become respondents,
 * groups, questions, comments, closed answers and imported codings.
 */
import { Type, type Static } from 'typebox';

/** Files wider than this are refused: no survey has so many columns. */
export const MAX_COLUMNS = 2000;
/** Open questions one mapping may import (the project page lists them all). */
export const MAX_OPEN_QUESTIONS = 200;

export const ColumnKind = Type.Union([
  Type.Literal('id'),
  Type.Literal('group'),
  Type.Literal('open'),
  Type.Literal('closed'),
  Type.Literal('codes'),
  Type.Literal('attribute'),
]);
export type ColumnKind = Static<typeof ColumnKind>;

const GroupMapping = Type.Union([
  Type.Object(
    {
      column: Type.String({ minLength: 1 }),
      /**
       * Raw value → group name (null: leave unmapped). When given, values
       * not listed are reported as unmapped.
       */
      values: Type.Optional(
        Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()])),
      ),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { fixed: Type.String({ minLength: 1 }) },
    { additionalProperties: false },
  ),
  Type.Null(),
]);

const QuestionColumn = Type.Object(
  {
    column: Type.String({ minLength: 1 }),
    key: Type.Optional(Type.String({ minLength: 1 })),
    label: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);

const BinaryCodes = Type.Object(
  {
    coder: Type.Optional(Type.String({ minLength: 1 })),
    format: Type.Literal('binary'),
    /** Wide layout with several questions: the question the codes belong to. */
    question: Type.Optional(Type.String({ minLength: 1 })),
    columns: Type.Array(
      Type.Object(
        {
          column: Type.String({ minLength: 1 }),
          theme: Type.Optional(Type.String({ minLength: 1 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
);

const DelimitedCodes = Type.Object(
  {
    coder: Type.Optional(Type.String({ minLength: 1 })),
    format: Type.Literal('delimited'),
    question: Type.Optional(Type.String({ minLength: 1 })),
    column: Type.String({ minLength: 1 }),
    /**
     * Absent: detected from the column's cells, the most frequent of `|`,
     * `;` and `,` inside them (`|` when none appears).
     */
    delimiter: Type.Optional(Type.String({ minLength: 1, maxLength: 3 })),
  },
  { additionalProperties: false },
);

/** Several columns holding one theme name each (`Code 1`, `Code 2`, …). */
const ColumnsCodes = Type.Object(
  {
    coder: Type.Optional(Type.String({ minLength: 1 })),
    format: Type.Literal('columns'),
    question: Type.Optional(Type.String({ minLength: 1 })),
    columns: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
  },
  { additionalProperties: false },
);

/**
 * One coder's codes: a set of 1/0 theme columns, one theme-list column, or
 * several columns of one theme name each.
 */
export const CodesSpec = Type.Union([
  BinaryCodes,
  DelimitedCodes,
  ColumnsCodes,
]);
export type CodesSpec = Static<typeof CodesSpec>;

export const Mapping = Type.Object(
  {
    layout: Type.Union([Type.Literal('wide'), Type.Literal('long')]),
    headerRows: Type.Integer({ minimum: 1, maximum: 3 }),
    sheet: Type.Optional(Type.String()),
    delimiter: Type.Optional(Type.String({ minLength: 1, maxLength: 1 })),
    encoding: Type.Optional(Type.String({ minLength: 1 })),
    /** Null or absent: respondents are numbered by row. */
    idColumn: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    group: GroupMapping,
    /** Wide layout: one open question per column. */
    questions: Type.Optional(Type.Array(QuestionColumn)),
    /** Long layout: the column naming the question of each row … */
    questionColumn: Type.Optional(Type.String({ minLength: 1 })),
    /** … or one question for every row of the file. */
    fixedQuestion: Type.Optional(
      Type.Object(
        {
          key: Type.String({ minLength: 1 }),
          label: Type.Optional(Type.String({ minLength: 1 })),
        },
        { additionalProperties: false },
      ),
    ),
    /** Long layout: readable labels for the values of the question column. */
    questionLabels: Type.Optional(Type.Record(Type.String(), Type.String())),
    /** Long layout: the column holding the answer. */
    textColumn: Type.Optional(Type.String({ minLength: 1 })),
    closedColumns: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    /** Default: every column not used otherwise. */
    attributeColumns: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    /**
     * Codes that come with the file: one coder's (one spec), or several
     * coders' side by side (an array, one spec per coder; coder names must
     * differ, except in a wide layout where one coder may have a spec per
     * question). An empty theme-list cell means "not coded by this coder";
     * a row of 1/0 columns with no 1 means "no theme applies".
     */
    codes: Type.Optional(
      Type.Union([
        CodesSpec,
        Type.Array(CodesSpec, { minItems: 1 }),
        Type.Null(),
      ]),
    ),
  },
  { additionalProperties: false },
);
export type Mapping = Static<typeof Mapping>;

export const PreviewColumn = Type.Object({
  index: Type.Integer(),
  name: Type.String(),
  /** The question text from a second header row, when there is one. */
  label: Type.String(),
  samples: Type.Array(Type.String()),
  /** Non-blank cells, placeholder answers (`No`, `n/a`) included. */
  filled: Type.Integer(),
  kind: ColumnKind,
  /**
   * The separator of the column's cells read as a theme list: the most
   * frequent of `|`, `;` and `,` inside them, `|` when none appears.
   */
  listSeparator: Type.String(),
});
export type PreviewColumn = Static<typeof PreviewColumn>;

export const Preview = Type.Object({
  fileName: Type.String(),
  format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
  encoding: Type.String(),
  delimiter: Type.Union([Type.String(), Type.Null()]),
  sheets: Type.Array(Type.String()),
  sheet: Type.Union([Type.String(), Type.Null()]),
  headerRows: Type.Integer(),
  columns: Type.Array(PreviewColumn),
  rows: Type.Array(Type.Array(Type.String())),
  rowCount: Type.Integer(),
  proposedMapping: Mapping,
  /** What the preview hides or changes, e.g. rows with extra cells. */
  warnings: Type.Array(Type.String()),
});
export type Preview = Static<typeof Preview>;

const Named = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  label: Type.String(),
  comments: Type.Integer(),
});

export const ImportReport = Type.Object({
  importId: Type.Integer(),
  fileName: Type.String(),
  /** Respondents in the file: new ones plus those already in the project. */
  respondents: Type.Integer(),
  respondentsNew: Type.Integer(),
  /**
   * Respondents already in the project with the same id in the same group
   * (a respondent is its id within its group), matched to them.
   */
  respondentsMatched: Type.Integer(),
  /** Comments in the file, including those already in the project. */
  comments: Type.Integer(),
  /** Comments written by this import. */
  commentsNew: Type.Integer(),
  /** A matched respondent's comments with the same text, reused. */
  commentsMatched: Type.Integer(),
  substantive: Type.Integer(),
  placeholders: Type.Integer(),
  /** Empty or whitespace-only answers, which are not comments. */
  skippedBlank: Type.Integer(),
  questions: Type.Array(Named),
  closedQuestions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      key: Type.String(),
      label: Type.String(),
      answers: Type.Integer(),
    }),
  ),
  /** The groups of the file's respondents, new and matched apart. */
  groups: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      /** New plus matched. */
      respondents: Type.Integer(),
      respondentsNew: Type.Integer(),
      respondentsMatched: Type.Integer(),
    }),
  ),
  /** Codings imported, over all coders. */
  codings: Type.Integer(),
  /** The first (usually only) coder of the imported codes. */
  coder: Type.Union([Type.String(), Type.Null()]),
  /** Every coder of the imported codes, in mapping order. */
  coders: Type.Array(
    Type.Object({ name: Type.String(), codings: Type.Integer() }),
  ),
  newThemes: Type.Array(Type.String()),
  unmappedGroupValues: Type.Optional(
    Type.Array(
      Type.Object({ value: Type.String(), respondents: Type.Integer() }),
    ),
  ),
  /** What was imported other than as it is in the file, in sentences. */
  warnings: Type.Array(Type.String()),
});
export type ImportReport = Static<typeof ImportReport>;

export const ImportPhase = Type.Union([
  Type.Literal('reading'),
  Type.Literal('parsing'),
  Type.Literal('writing'),
  Type.Literal('done'),
  Type.Literal('failed'),
]);
export type ImportPhase = Static<typeof ImportPhase>;

export const ImportProgress = Type.Object({
  phase: ImportPhase,
  rows: Type.Integer(),
  totalRows: Type.Union([Type.Integer(), Type.Null()]),
});
export type ImportProgress = Static<typeof ImportProgress>;

export const PastImport = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  createdAt: Type.String(),
  respondents: Type.Integer(),
  comments: Type.Integer(),
});
export type PastImport = Static<typeof PastImport>;
