/**
 * Request and response shapes of the report routes (theme counts and the
 * comments behind them), shared with the client.
 */
import { Type, type Static } from 'typebox';

/**
 * `attr=<name>:<value>`, repeatable. Several values of one attribute widen
 * the selection; several attributes narrow it.
 */
const AttrParam = Type.Union([Type.String(), Type.Array(Type.String())]);

export const ReportFilterQuery = Type.Object({
  attr: Type.Optional(AttrParam),
  /** Count only this coder's codings instead of the final codings. */
  coderId: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type ReportFilterQuery = Static<typeof ReportFilterQuery>;

export const CountBase = Type.Object({
  /** Substantive comments: the base of every percentage. */
  comments: Type.Integer(),
  /** Placeholder answers ("N/A", "nothing"), counted in no theme. */
  placeholders: Type.Integer(),
  /** Substantive comments with a final coding. */
  coded: Type.Integer(),
  /** Coders disagree and no lead decided: counted in no theme. */
  unreconciled: Type.Integer(),
  uncoded: Type.Integer(),
});
export type CountBase = Static<typeof CountBase>;

export const CountsReply = Type.Object({
  /** What is counted, in words, e.g. for a caption. */
  counted: Type.String(),
  filters: Type.Array(
    Type.Object({ name: Type.String(), value: Type.String() }),
  ),
  coder: Type.Union([
    Type.Object({ id: Type.Integer(), name: Type.String() }),
    Type.Null(),
  ]),
  questions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      key: Type.String(),
      label: Type.String(),
    }),
  ),
  groups: Type.Array(
    Type.Object({
      /** null: respondents without a group, named "(no group)". */
      id: Type.Union([Type.Integer(), Type.Null()]),
      name: Type.String(),
      respondents: Type.Integer(),
      /** Keyed by question id. */
      base: Type.Record(Type.String(), CountBase),
    }),
  ),
  /**
   * The codebook in order. Archived themes appear only while they count
   * comments in scope (a merged theme, emptied, is left out).
   */
  themes: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      colour: Type.String(),
      archived: Type.Boolean(),
      parentId: Type.Union([Type.Integer(), Type.Null()]),
      /** Comments carrying the theme, over all questions and groups. */
      total: Type.Integer(),
    }),
  ),
  /** One per listed theme × question × group, zeros included. */
  cells: Type.Array(
    Type.Object({
      themeId: Type.Integer(),
      questionId: Type.Integer(),
      groupId: Type.Union([Type.Integer(), Type.Null()]),
      count: Type.Integer(),
      /** Substantive comments of that question and group. */
      base: Type.Integer(),
      /** count / base × 100, one decimal; null when base is 0. */
      percent: Type.Union([Type.Number(), Type.Null()]),
      /**
       * Substantive comments of that question and group with a final
       * coding (decided, single or agreed): the coded ones so far.
       */
      codedBase: Type.Integer(),
      /** count / codedBase × 100, one decimal; null when codedBase is 0. */
      percentOfCoded: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
  note: Type.String(),
});
export type CountsReply = Static<typeof CountsReply>;

export const CommentStatus = Type.Union([
  Type.Literal('coded'),
  Type.Literal('unreconciled'),
  Type.Literal('uncoded'),
  Type.Literal('placeholder'),
]);
export type CommentStatus = Static<typeof CommentStatus>;

export const ReportCommentsQuery = Type.Object({
  attr: Type.Optional(AttrParam),
  coderId: Type.Optional(Type.Integer({ minimum: 1 })),
  /** Comments whose final coding includes this theme. */
  themeId: Type.Optional(Type.Integer({ minimum: 1 })),
  questionId: Type.Optional(Type.Integer({ minimum: 1 })),
  /** A group id, or `none` for respondents without a group. */
  groupId: Type.Optional(Type.String({ pattern: '^([1-9][0-9]*|none)$' })),
  /**
   * Omitted: substantive comments (the base of a count). `placeholder`
   * lists the placeholder answers instead.
   */
  status: Type.Optional(CommentStatus),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
});
export type ReportCommentsQuery = Static<typeof ReportCommentsQuery>;

export const ReportComment = Type.Object({
  id: Type.Integer(),
  /** Exactly as stored: never neutralised or escaped. */
  text: Type.String(),
  respondentExternalId: Type.String(),
  group: Type.Union([
    Type.Object({ id: Type.Integer(), name: Type.String() }),
    Type.Null(),
  ]),
  question: Type.Object({
    id: Type.Integer(),
    key: Type.String(),
    label: Type.String(),
  }),
  status: CommentStatus,
  /** Names of the final coding's themes, in codebook order. */
  themes: Type.Array(Type.String()),
});
export type ReportComment = Static<typeof ReportComment>;

export const ReportCommentsReply = Type.Object({
  total: Type.Integer(),
  comments: Type.Array(ReportComment),
});
export type ReportCommentsReply = Static<typeof ReportCommentsReply>;
