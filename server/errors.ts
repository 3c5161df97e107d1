/**
 * The error catalogue. Every error a user can meet is named here, with its
 * HTTP status, a stable snake_case code and a sentence a non-programmer
 * understands. Anything thrown that is not an AppError is a bug: the error
 * handler logs it and answers 500 without its internals.
 */
export type ErrorDetails =
  Record<string, unknown> | Array<Record<string, unknown>>;

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** One problem in an uploaded file, located as precisely as we can. */
export interface FileProblem {
  file: string;
  /** 1-based row in the file, counting header rows. */
  row?: number;
  column?: string;
  message: string;
}

const MAX_FILE_PROBLEMS = 50;

export const errors = {
  validation: (message: string, details: ErrorDetails = {}) =>
    new AppError(400, 'validation_failed', message, details),
  notFound: (what: string, id: string | number) =>
    new AppError(404, 'not_found', `There is no ${what} with id ${id}.`, {
      what,
      id,
    }),
  routeNotFound: (method: string, url: string) =>
    new AppError(404, 'route_not_found', `There is no ${method} ${url}.`),

  // Import
  badFile: (file: string, problems: FileProblem[]) =>
    new AppError(
      400,
      'bad_file',
      `${file} could not be imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} found. Nothing was saved.`,
      {
        file,
        problemCount: problems.length,
        problems: problems.slice(0, MAX_FILE_PROBLEMS),
      },
    ),
  unreadableFile: (file: string, reason: string) =>
    new AppError(
      400,
      'unreadable_file',
      `${file} could not be read: ${reason}`,
      {
        file,
      },
    ),
  alreadyImported: (file: string, importedAs: string, at: string) =>
    new AppError(
      409,
      'already_imported',
      `This file was already imported (as ${importedAs} on ${at}). It was not imported again.`,
      { file, importedAs, at },
    ),
  noComments: (file: string) =>
    new AppError(
      400,
      'no_comments',
      'No comments found: none of the columns chosen as open questions has an answer. Check the mapping.',
      { file },
    ),
  nothingNew: (file: string) =>
    new AppError(
      409,
      'nothing_new',
      'Every respondent and answer in this file is already in the project.',
      { file },
    ),
  fileTooLarge: (limitMb: number) =>
    new AppError(
      413,
      'file_too_large',
      `The file is larger than ${limitMb} MB.`,
    ),

  projectNameTaken: (name: string) =>
    new AppError(
      409,
      'project_name_taken',
      `A project called "${name}" already exists. Choose another name.`,
      { name },
    ),

  // Codebook
  themeNameTaken: (name: string) =>
    new AppError(
      409,
      'theme_name_taken',
      `A theme called "${name}" already exists in this project.`,
      { name },
    ),
  themeInUse: (
    name: string,
    usage: { codings: number; comments: number; finalCodings: number },
  ) =>
    new AppError(
      409,
      'theme_in_use',
      `"${name}" is used in ${usage.codings} coding${usage.codings === 1 ? '' : 's'} on ${usage.comments} comment${usage.comments === 1 ? '' : 's'}, including ${usage.finalCodings} final coding${usage.finalCodings === 1 ? '' : 's'}. Archive it, or remove it from those codings first.`,
      { name, ...usage },
    ),
  themeArchived: (name: string) =>
    new AppError(
      409,
      'theme_archived',
      `"${name}" is archived: restore it before using it.`,
      { name },
    ),

  // Coding
  staleCoding: (current: unknown) =>
    new AppError(
      409,
      'stale_coding',
      'Someone changed this coding since you opened it. Their version is shown; apply your change again if it still holds.',
      { current },
    ),
  noCodingToDelete: (commentId: number) =>
    new AppError(
      404,
      'not_found',
      `You have not coded comment ${commentId}, so there is no coding to delete.`,
      { what: 'coding', commentId },
    ),
} as const;
