import type { ApiErrorBody, FileProblem } from './types';

/** An error reply from the API, or a network failure, as one sentence. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The located problems of a bad_file reply, if any. */
  get problems(): FileProblem[] {
    const details = this.details as { problems?: unknown } | null;
    return Array.isArray(details?.problems)
      ? (details.problems as FileProblem[])
      : [];
  }
}

const NETWORK_MESSAGE =
  'The server could not be reached. Check that Verbatim is running and try again.';

/** The one place that turns any reply body into an ApiError with a sentence. */
export function toApiError(status: number, body: unknown): ApiError {
  const b = body as Partial<ApiErrorBody> | null;
  if (b && typeof b.message === 'string' && typeof b.code === 'string')
    return new ApiError(status, b.code, b.message, b.details ?? {});
  return new ApiError(
    status,
    'unexpected_reply',
    `The server answered with an unexpected reply (HTTP ${status}).`,
  );
}

/** A sentence for any thrown value, for showing to the user. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Calls the JSON API; resolves with the parsed body or throws ApiError. */
export async function api<T>(
  method: string,
  url: string,
  body?: unknown,
): Promise<T> {
  let res: Response;
  try {
    const init: RequestInit = { method, headers: {} };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { 'content-type': 'application/json' };
    }
    res = await fetch(url, init);
  } catch {
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  const parsed = await readBody(res);
  if (!res.ok) throw toApiError(res.status, parsed);
  return parsed as T;
}

/**
 * Posts a form with XHR so the upload's progress can be shown
 * (fetch cannot report upload progress).
 */
export function uploadWithProgress<T>(
  url: string,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', NETWORK_MESSAGE));
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(xhr.responseText) as unknown;
      } catch {
        parsed = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as T);
      else reject(toApiError(xhr.status, parsed));
    };
    xhr.send(form);
  });
}
