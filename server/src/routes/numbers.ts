import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HotlineNumberSchema, OfficeIdSchema } from '../../../shared/sync/index';
import { authenticate, requireOffice, requireRole } from '../auth/guard';
import { HttpError } from '../errors';
import { writeRecords } from '../sync/changes';
import { numberRecord, type NumberRow } from '../numbers/pool';
import type { RouteDeps } from './deps';

const NumberOut = z.object({
  number: z.string(),
  status: z.string(),
  customerId: z.string().nullable(),
  leaseId: z.string().nullable(),
  holdUntil: z.string().nullable(),
});
const toOut = (r: NumberRow) => ({ number: r.number, status: r.status, customerId: r.customer_id, leaseId: r.lease_id, holdUntil: r.hold_until });

export const numberRoutes = (deps: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const Params = z.object({ officeId: OfficeIdSchema });

  app.get('/v1/offices/:officeId/numbers', {
    schema: {
      tags: ['numbers'],
      params: Params,
      querystring: z.object({ status: z.string().max(16).optional(), limit: z.coerce.number().int().min(1).max(10_000).default(1000) }),
      response: { 200: z.object({ numbers: z.array(NumberOut) }) },
    },
  }, async (req) => {
    const auth = authenticate(req, deps.secret);
    requireOffice(auth, req.params.officeId);
    const r = await deps.db.query<NumberRow>(
      `SELECT * FROM hotline_numbers WHERE office_id = $1 ${req.query.status ? 'AND status = $3' : ''} ORDER BY number LIMIT $2`,
      req.query.status ? [req.params.officeId, req.query.limit, req.query.status] : [req.params.officeId, req.query.limit],
    );
    return { numbers: r.rows.map(toOut) };
  });

  /** Adds numbers bought from the carrier to the office's pool (managers). */
  app.post('/v1/offices/:officeId/numbers', {
    schema: {
      tags: ['numbers'],
      params: Params,
      body: z.object({ numbers: z.array(HotlineNumberSchema).min(1).max(10_000) }),
      response: { 200: z.object({ added: z.array(z.string()), duplicates: z.array(z.string()) }) },
    },
  }, async (req) => {
    const auth = authenticate(req, deps.secret);
    requireOffice(auth, req.params.officeId);
    requireRole(auth, ['admin', 'manager']);
    const unique = [...new Set(req.body.numbers)];
    return deps.db.transaction(async (tx) => {
      const ins = await tx.query<NumberRow>(
        `INSERT INTO hotline_numbers (number, office_id) SELECT unnest($1::text[]), $2 ON CONFLICT (number) DO NOTHING RETURNING *`,
        [unique, req.params.officeId],
      );
      await writeRecords(tx, req.params.officeId, 'server', ins.rows.map(numberRecord));
      const added = ins.rows.map((r) => r.number);
      const addedSet = new Set(added);
      return { added, duplicates: unique.filter((n) => !addedSet.has(n)) };
    });
  });

  app.get('/v1/offices/:officeId/leases', {
    schema: {
      tags: ['numbers'],
      params: Params,
      response: { 200: z.object({ leases: z.array(z.object({ id: z.string(), userId: z.string(), expiresAt: z.string(), returnedAt: z.string().nullable(), numbers: z.array(z.string()) })) }) },
    },
  }, async (req) => {
    const auth = authenticate(req, deps.secret);
    requireOffice(auth, req.params.officeId);
    // A field agent sees its own leases only.
    const mine = auth.role === 'field_agent';
    const r = await deps.db.query<{ id: string; user_id: string; expires_at: string; returned_at: string | null; numbers: string[] | null }>(
      `SELECT l.id, l.user_id, l.expires_at, l.returned_at,
              (SELECT array_agg(n.number ORDER BY n.number) FROM hotline_numbers n WHERE n.office_id = l.office_id AND n.lease_id = l.id) AS numbers
         FROM leases l WHERE l.office_id = $1 ${mine ? 'AND l.user_id = $2' : ''} ORDER BY l.taken_at`,
      mine ? [req.params.officeId, auth.userId] : [req.params.officeId],
    );
    if (!r) throw new HttpError(500, 'INTERNAL', '查询失败');
    return { leases: r.rows.map((l) => ({ id: l.id, userId: l.user_id, expiresAt: l.expires_at, returnedAt: l.returned_at, numbers: l.numbers ?? [] })) };
  });
};
