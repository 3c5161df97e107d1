import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorObject } from 'ajv';
import { AppError, errors } from './errors';
import { fieldProblems, partName } from './validation';

/**
 * The one error handler: AppErrors go out as `{ code, message, details }`
 * with their status; schema failures become `validation_failed` naming the
 * field; anything else is logged whole and answered with a masked 500.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'app error');
      return reply.status(error.status).send({
        code: error.code,
        message: error.message,
        details: error.details,
      });
    }

    if ('validation' in error && error.validation) {
      const fields = fieldProblems(error.validation as ErrorObject[]);
      const where = partName(error.validationContext);
      const first = fields[0];
      const message = first
        ? `The ${where} is not valid: ${[first.field, first.problem].filter(Boolean).join(' ')}.`
        : `The ${where} is not valid.`;
      return reply
        .status(400)
        .send({ code: 'validation_failed', message, details: { fields } });
    }

    if (isBrokenUpload(error)) {
      request.log.warn({ err: error }, 'malformed multipart body');
      return reply.status(400).send({
        code: 'bad_upload',
        message:
          'The upload could not be read: the form data is incomplete or malformed. Send the file again.',
        details: {},
      });
    }
    if (UPLOAD_LIMITS.has(error.code ?? '')) {
      return reply.status(400).send({
        code: 'too_many_parts',
        message:
          'Send one file at a time, with only the fields the form asks for.',
        details: {},
      });
    }

    const status = error.statusCode ?? 500;
    if (status < 500) {
      // Errors from Fastify itself (bad JSON, body too large, …).
      const code =
        status === 413
          ? 'file_too_large'
          : status === 415
            ? 'unsupported_media_type'
            : 'bad_request';
      return reply
        .status(status)
        .send({ code, message: plainFastifyMessage(error), details: {} });
    }

    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send({
      code: 'internal_error',
      message:
        'Something went wrong on the server. Nothing was changed; please try again, and report it if it happens again.',
      details: {},
    });
  });

  app.setNotFoundHandler((request, reply) => {
    const error = errors.routeNotFound(request.method, request.url);
    return reply
      .status(404)
      .send({ code: error.code, message: error.message, details: {} });
  });
}

// The multipart parser (busboy) reports a cut-off or boundary-less body as
// a plain Error without a status: it is the client's mistake, not ours.
const BROKEN_UPLOAD =
  /^(Multipart: Boundary not found|Unexpected end of (form|multipart data)|Part terminated early|Malformed part header|Malformed urlencoded form)/;

function isBrokenUpload(error: FastifyError | AppError): boolean {
  return (
    !('statusCode' in error && error.statusCode) &&
    BROKEN_UPLOAD.test(error.message)
  );
}

const UPLOAD_LIMITS = new Set([
  'FST_FILES_LIMIT',
  'FST_PARTS_LIMIT',
  'FST_FIELDS_LIMIT',
]);

function plainFastifyMessage(error: FastifyError): string {
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
    return 'The request body is not valid JSON.';
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return 'The request is too large.';
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return 'This kind of request body is not accepted here.';
  return error.message;
}
