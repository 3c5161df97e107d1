/**
 * Request and response shapes of the coding routes (queue, comment, save
 * a coding, history), shared with the client.
 */
import { Type, type Static } from 'typebox';
import { Suggestion } from './suggest';

/**
 * A database id: larger numbers cannot be held exactly, so they are
 * refused as invalid rather than rounded to some other id.
 */
const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

export const ProjectIdParams = Type.Object({ projectId: Id });

export const CommentIdParams = Type.Object({ commentId: Id });

/**
 * `uncoded`: no coder has coded it; `coded`: at least one has; `mine`: I
 * have; `not-mine`: I have not (whoever else has: for blind double
 * coding); `unreconciled`: no lead decided and its coders' theme sets
 * differ (the report counts these apart); `all`: every comment.
 */
export const QUEUE_STATUSES = [
  'uncoded',
  'coded',
  'mine',
  'not-mine',
  'unreconciled',
  'all',
] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/**
 * Filters of the coding queue. `attr=<name>:<value>` is repeatable:
 * several values of one attribute widen the selection, several attributes
 * narrow it. `search` is a case-insensitive substring of the comment.
 */
export const QueueQuery = Type.Object({
  questionId: Type.Optional(Id),
  groupId: Type.Optional(Id),
  status: Type.Optional(
    Type.Union(
      QUEUE_STATUSES.map((s) => Type.Literal(s)),
      {
        default: 'all',
      },
    ),
  ),
  search: Type.Optional(Type.String({ maxLength: 500 })),
  /** Placeholder answers ("N/A", "nothing") are left out unless true. */
  includePlaceholders: Type.Optional(Type.Boolean({ default: false })),
  attr: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
});
export type QueueQuery = Static<typeof QueueQuery>;

export const QueueReply = Type.Object({
  /** Comments matching every filter but `status`. */
  total: Type.Integer(),
  /** Of those, the ones any coder has coded. */
  coded: Type.Integer(),
  /** Of those, the ones the local coder has coded. */
  codedByMe: Type.Integer(),
  /**
   * Of those, the ones coded by several coders who differ, with no lead
   * decision: coded, yet without a final coding.
   */
  unreconciled: Type.Integer(),
  /** The queue itself (status applied), by respondent then question. */
  commentIds: Type.Array(Type.Integer()),
});
export type QueueReply = Static<typeof QueueReply>;

export const Coding = Type.Object({
  /** Empty: the coder decided no theme applies. */
  themeIds: Type.Array(Type.Integer()),
  version: Type.Integer(),
  coderId: Type.Integer(),
  updatedAt: Type.String(),
});
export type Coding = Static<typeof Coding>;

export const OtherCoding = Type.Object({
  /** The coder's name, e.g. `original` for codes that came with a file. */
  coder: Type.String(),
  themeIds: Type.Array(Type.Integer()),
});
export type OtherCoding = Static<typeof OtherCoding>;

export const CommentDetail = Type.Object({
  id: Type.Integer(),
  /** Exactly as written (line breaks as \n). */
  text: Type.String(),
  /** False for placeholder answers such as "N/A". */
  substantive: Type.Boolean(),
  question: Type.Object({
    id: Type.Integer(),
    key: Type.String(),
    label: Type.String(),
  }),
  group: Type.Union([
    Type.Object({ id: Type.Integer(), name: Type.String() }),
    Type.Null(),
  ]),
  respondent: Type.Object({
    id: Type.Integer(),
    externalId: Type.String(),
    attributes: Type.Record(Type.String(), Type.Unknown()),
  }),
  /** The local coder's coding; null when they have not coded it yet. */
  coding: Type.Union([Coding, Type.Null()]),
  otherCodings: Type.Array(OtherCoding),
  /** The best five keyword suggestions. */
  suggestions: Type.Array(Suggestion),
});
export type CommentDetail = Static<typeof CommentDetail>;

export const SaveCodingBody = Type.Object(
  {
    themeIds: Type.Array(Id, { maxItems: 500 }),
    /** The version the client saw; 0 when there was no coding yet. */
    version: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type SaveCodingBody = Static<typeof SaveCodingBody>;

export const SaveCodingReply = Type.Object({ coding: Coding });
export type SaveCodingReply = Static<typeof SaveCodingReply>;

/** Deleting my coding names the version I saw, like a save. */
export const DeleteCodingQuery = Type.Object({
  version: Type.Integer({ minimum: 1 }),
});
export type DeleteCodingQuery = Static<typeof DeleteCodingQuery>;

export const HistoryEntry = Type.Object({
  at: Type.String(),
  /** Whose coding changed; null when it was the final coding. */
  coder: Type.Union([Type.String(), Type.Null()]),
  /** Who made the change. */
  actor: Type.String(),
  /** `save`, `delete`, `import`, `merge`, … */
  reason: Type.String(),
  /**
   * Theme names before and after: [] is "no theme applies", null is no
   * coding at all (before a first save, after a delete).
   */
  before: Type.Union([Type.Array(Type.String()), Type.Null()]),
  after: Type.Union([Type.Array(Type.String()), Type.Null()]),
});
export type HistoryEntry = Static<typeof HistoryEntry>;

export const HistoryReply = Type.Array(HistoryEntry);
export type HistoryReply = Static<typeof HistoryReply>;
