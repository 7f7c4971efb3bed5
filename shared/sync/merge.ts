/**
 * Per-field merge of a descriptive edit against the server's record.
 *
 * The server keeps, for every field, the version (change sequence) and client id of its last
 * write. An incoming edit made against `baseVersion` conflicts on field f only if
 *   - f was written after baseVersion,
 *   - by ANOTHER client (a client's own mutations are ordered by seq, so they never clash with
 *     each other — e.g. create then edit offline, pushed together), and
 *   - the server's value differs from the incoming one (both sides typing the same is no clash).
 * Non-conflicting fields apply; conflicting ones keep the server's value and become conflict
 * records for a person. Clocks play no part.
 */
export interface FieldMeta {
  /** version of the last write of the field */
  v: number;
  /** client id that wrote it */
  c: string;
}

export interface MergeInput {
  current: Record<string, unknown>;
  fieldMeta: Record<string, FieldMeta>;
  fields: Record<string, unknown>;
  baseVersion: number;
  clientId: string;
}

export interface FieldConflict {
  field: string;
  serverValue: unknown;
  clientValue: unknown;
}

export interface MergeOutcome {
  apply: Record<string, unknown>;
  conflicts: FieldConflict[];
}

export function mergeFields(input: MergeInput): MergeOutcome {
  const apply: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  for (const [field, clientValue] of Object.entries(input.fields)) {
    const meta = input.fieldMeta[field];
    const serverValue = input.current[field];
    const changedSinceBase = meta !== undefined && meta.v > input.baseVersion && meta.c !== input.clientId;
    if (changedSinceBase && !sameValue(serverValue, clientValue)) {
      conflicts.push({ field, serverValue, clientValue });
    } else {
      apply[field] = clientValue;
    }
  }
  return { apply, conflicts };
}

/** Structural equality for JSON values (key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`).join(',')}}`;
}
