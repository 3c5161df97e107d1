/**
 * The codes part of a mapping, read the same way by the server, the
 * proposal and the client: one spec or several, each naming its coder.
 */
import type { CodesSpec, Mapping } from '../api/import';

/** The coder of codes whose spec names none. */
export const DEFAULT_IMPORT_CODER = 'imported';

/** The mapping's code specs as a list (empty when it brings no codes). */
export function codesSpecs(codes: Mapping['codes']): CodesSpec[] {
  if (!codes) return [];
  return Array.isArray(codes) ? codes : [codes];
}

/** The coder a spec's codings belong to: its trimmed name or the default. */
export function specCoder(spec: CodesSpec): string {
  return spec.coder?.trim() || DEFAULT_IMPORT_CODER;
}

/** The columns a spec reads. */
export function specColumns(spec: CodesSpec): string[] {
  if (spec.format === 'binary') return spec.columns.map((c) => c.column);
  if (spec.format === 'columns') return [...spec.columns];
  return [spec.column];
}

/**
 * The first coder named by two specs, or null when each coder's codes come
 * from one spec. In a wide layout a coder may have one spec per question
 * (a spec without `question` stands for the only question).
 */
export function repeatedCoder(
  specs: readonly CodesSpec[],
  layout: Mapping['layout'],
): string | null {
  const seen = new Set<string>();
  for (const spec of specs) {
    const coder = specCoder(spec);
    const question = layout === 'wide' ? (spec.question ?? '') : '';
    const key = `${coder}\u0000${question}`;
    if (seen.has(key)) return coder;
    seen.add(key);
  }
  return null;
}
