/**
 * Branded ids: a CommentId cannot be passed where a ThemeId is expected.
 * At run time they are plain numbers.
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type ProjectId = Brand<number, 'ProjectId'>;
export type CommentId = Brand<number, 'CommentId'>;
export type ThemeId = Brand<number, 'ThemeId'>;
export type CoderId = Brand<number, 'CoderId'>;
export type QuestionId = Brand<number, 'QuestionId'>;
export type GroupId = Brand<number, 'GroupId'>;
export type RespondentId = Brand<number, 'RespondentId'>;
