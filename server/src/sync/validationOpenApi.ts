import { z } from 'zod';
import { MUTATION_ARGS } from '../../../shared/sync/index';
import { SYNC_DATA_SCHEMAS } from './validation';

/**
 * OpenAPI components for what travels inside a push: the push body itself is one generic
 * `Mutation` (its `args` are checked per name, a bad one is a rejected mutation, not a 400), so
 * the route cannot describe them; these components do, from the same zod schemas the server uses:
 *
 *  - `MutationArgs.<name>`: the arguments of every mutation in the catalogue;
 *  - `RecordData.<entity>`: what `record.create` data / `record.update` fields may hold — every
 *    domain field it names is checked with the domain rule (USCC, ID number, mobile, money …);
 *    other keys pass as the client's own.
 */
function jsonSchema(schema: z.ZodType, description?: string): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return description ? { ...out, description } : out;
}

export function syncOpenApiComponents(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, schema] of Object.entries(MUTATION_ARGS)) out[`MutationArgs.${name}`] = jsonSchema(schema as z.ZodType, `args of the "${name}" mutation (docs/sync-protocol.md §4)`);
  for (const [entity, schema] of Object.entries(SYNC_DATA_SCHEMAS)) {
    if (schema) out[`RecordData.${entity}`] = jsonSchema(schema, `record.create data / record.update fields of a ${entity}, checked with the domain rules (a field that breaks one: rejected INVALID_ARGS naming it)`);
  }
  return out;
}
