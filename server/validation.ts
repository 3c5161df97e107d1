import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats ships CommonJS with a default export object.
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;

const shared: Options = {
  removeAdditional: true,
  useDefaults: true,
  allErrors: true,
  strict: false,
};

// Query strings, URL parameters and headers arrive as text, so "12" must
// read as 12 there; a JSON body is typed already, and `{"name": 123}` is a
// mistake to report, not a string to invent.
const fromText = addFormats(new Ajv({ ...shared, coerceTypes: 'array' }));
const fromJson = addFormats(new Ajv({ ...shared, coerceTypes: false }));

/** Fastify's validator compiler: coercion everywhere but the body. */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({
  schema,
  httpPart,
}) => {
  const ajv = httpPart === 'body' ? fromJson : fromText;
  return ajv.compile(schema as object);
};

const PART_NAMES: Record<string, string> = {
  body: 'request body',
  querystring: 'query string',
  params: 'address',
  headers: 'request headers',
};

export interface FieldProblem {
  field: string;
  problem: string;
}

/** The part of the request a validation failure is in, in words. */
export function partName(context: string | undefined): string {
  return PART_NAMES[context ?? ''] ?? 'request';
}

/**
 * ajv's errors as one plain problem per field: a missing field is
 * "required", a choice between constants lists the allowed values, and
 * the "must match a schema in anyOf" noise is dropped.
 */
export function fieldProblems(errors: readonly ErrorObject[]): FieldProblem[] {
  const byField = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const field = fieldOf(error);
    byField.set(field, [...(byField.get(field) ?? []), error]);
  }
  return [...byField].map(([field, list]) => ({
    field,
    problem: describe(list),
  }));
}

function fieldOf(error: ErrorObject): string {
  const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (error.keyword !== 'required') return path;
  const missing = (error.params as { missingProperty?: string })
    .missingProperty;
  return [path, missing].filter(Boolean).join('.');
}

function describe(list: readonly ErrorObject[]): string {
  if (list.some((e) => e.keyword === 'required')) return 'is required';
  const allowed = list.flatMap((e) => {
    if (e.keyword === 'const')
      return [
        JSON.stringify((e.params as { allowedValue: unknown }).allowedValue),
      ];
    if (e.keyword === 'enum')
      return (e.params as { allowedValues: unknown[] }).allowedValues.map((v) =>
        JSON.stringify(v),
      );
    if (e.keyword === 'type' && (e.params as { type: string }).type === 'null')
      return ['null'];
    return [];
  });
  if (allowed.length > 0) return `must be one of ${allowed.join(', ')}`;
  const useful = list.find((e) => e.keyword !== 'anyOf') ?? list[0];
  if (useful?.keyword === 'maximum') {
    const limit = (useful.params as { limit: number }).limit;
    return `must be at most ${limit}`;
  }
  if (useful?.keyword === 'type') {
    const type = (useful.params as { type: string }).type;
    return TYPE_WORDS[type] ?? `must be ${type}`;
  }
  return useful?.message ?? 'is not valid';
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'must be a whole number',
  number: 'must be a number',
  string: 'must be text',
  boolean: 'must be true or false',
  array: 'must be a list',
  object: 'must be an object',
};
