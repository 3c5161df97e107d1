/**
 * Shapes of the suggestion route, shared with the client. A suggestion
 * names a theme, its score and the words of the comment that triggered it,
 * located by offsets into the comment's text as written (UTF-16 code
 * units, as JavaScript strings count them) for highlighting.
 */
import { Type, type Static } from 'typebox';

export const KeywordMatch = Type.Object({
  start: Type.Integer({ minimum: 0 }),
  end: Type.Integer({ minimum: 0 }),
  /** The comment's words as written, e.g. `organize`. */
  text: Type.String(),
  /** The theme's keyword they matched, e.g. `organise`. */
  keyword: Type.String(),
});
export type KeywordMatch = Static<typeof KeywordMatch>;

export const Suggestion = Type.Object({
  themeId: Type.Integer(),
  /** Sum of the weights of the theme's keywords found (rarer = heavier). */
  score: Type.Number(),
  matches: Type.Array(KeywordMatch),
});
export type Suggestion = Static<typeof Suggestion>;

export const SuggestionsReply = Type.Object({
  /** Every theme with a score above 0, best first. */
  suggestions: Type.Array(Suggestion),
});
export type SuggestionsReply = Static<typeof SuggestionsReply>;
