import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChangeSchema, OfficeIdSchema, RecordIdSchema, SyncEntitySchema, type RecordData, type SyncEntity } from '../../../shared/sync/index';
import { authenticate, requireOffice } from '../auth/guard';
import { HttpError } from '../errors';
import { readRecord } from '../sync/changes';
import { visible } from '../sync/pull';
import type { RouteDeps } from './deps';

export const recordRoutes = (deps: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/v1/offices/:officeId/records/:entity/:id', {
    schema: { tags: ['records'], params: z.object({ officeId: OfficeIdSchema, entity: SyncEntitySchema, id: RecordIdSchema }), response: { 200: ChangeSchema } },
  }, async (req) => {
    const auth = authenticate(req, deps.secret);
    const { officeId, entity, id } = req.params;
    requireOffice(auth, officeId);
    const rec = await readRecord(deps.db, officeId, entity, id);
    if (!rec || !visible(auth, entity, rec.data)) throw new HttpError(404, 'NOT_FOUND', '记录不存在', 'record not found');
    return { officeId, entity, id, version: rec.version, deleted: rec.deleted, data: rec.deleted ? null : rec.data };
  });

  /**
   * Every live record of the office the caller may see, with the version it is at: what a fully
   * synced device must hold (end-to-end tests compare device stores with it).
   */
  app.get('/v1/offices/:officeId/snapshot', {
    schema: {
      tags: ['records'],
      params: z.object({ officeId: OfficeIdSchema }),
      querystring: z.object({ entity: SyncEntitySchema.optional() }),
      response: { 200: z.object({ officeId: z.string(), version: z.number().int(), records: z.array(ChangeSchema) }) },
    },
    // Large answer from stored records: plain JSON (see the pull route).
    serializerCompiler: () => (data) => JSON.stringify(data),
  }, async (req) => {
    const auth = authenticate(req, deps.secret);
    const { officeId } = req.params;
    requireOffice(auth, officeId);
    // One snapshot-consistent read of the counter and the rows.
    return deps.db.transaction(async (tx) => {
      const v = await tx.query<{ change_seq: number }>('SELECT change_seq FROM offices WHERE id = $1', [officeId]);
      const rows = await tx.query<{ entity: SyncEntity; id: string; version: number; data: RecordData }>(
        `SELECT entity, id, version, data FROM records WHERE office_id = $1 AND NOT deleted ${req.query.entity ? 'AND entity = $2' : ''} ORDER BY version`,
        req.query.entity ? [officeId, req.query.entity] : [officeId],
      );
      const records = rows.rows
        .filter((r) => visible(auth, r.entity, r.data))
        .map((r) => ({ officeId, entity: r.entity, id: r.id, version: r.version, deleted: false, data: r.data }));
      return { officeId, version: v.rows[0]?.change_seq ?? 0, records };
    }, { isolation: 'repeatable read' });
  });
};
