/**
 * Multipart/form-data bodies for `app.inject`, the way a browser sends a
 * file upload with text fields, and the files to put in them.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sharedDir } from './app';

/** A file to upload: its name and bytes. */
export interface Upload {
  name: string;
  bytes: Buffer;
}

export interface MultipartBody {
  payload: Buffer;
  headers: Record<string, string>;
}

const BOUNDARY = '----verbatim-test-boundary-7d93';

/** Text fields, then the file (if any) in the field `file`. */
export function multipart(
  fields: Record<string, string>,
  file?: Upload,
): MultipartBody {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}

/** A body holding one file and no fields. */
export function multipartFile(
  name: string,
  content: string | Buffer,
): MultipartBody {
  return multipart({}, textFile(name, content));
}

/** A hand-out file (path relative to the shared folder) as an upload. */
export function sharedFile(path: string): Upload {
  return { name: basename(path), bytes: readFileSync(join(sharedDir, path)) };
}

/** Text (UTF-8) or raw bytes as an upload. */
export function textFile(name: string, content: string | Buffer): Upload {
  return {
    name,
    bytes: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
  };
}
