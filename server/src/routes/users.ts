import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OfficeIdSchema, UserRoleSchema } from '../../../shared/sync/index';
import { authenticate, requireOffice, requireRole } from '../auth/guard';
import { createUser } from '../auth/accounts';
import type { RouteDeps } from './deps';

const UserOut = z.object({ id: z.string(), username: z.string(), displayName: z.string(), role: UserRoleSchema, disabled: z.boolean() });

export const userRoutes = (deps: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const Params = z.object({ officeId: OfficeIdSchema });

  app.get('/v1/offices/:officeId/users', { schema: { tags: ['users'], params: Params, response: { 200: z.object({ users: z.array(UserOut) }) } } }, async (req) => {
    const auth = authenticate(req, deps.secret);
    requireOffice(auth, req.params.officeId);
    requireRole(auth, ['admin', 'manager']);
    const r = await deps.db.query<{ id: string; username: string; display_name: string; role: z.infer<typeof UserRoleSchema>; disabled: boolean }>(
      'SELECT u.id, u.username, u.display_name, u.role, u.disabled FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.office_id = $1 ORDER BY u.username',
      [req.params.officeId],
    );
    return { users: r.rows.map((u) => ({ id: u.id, username: u.username, displayName: u.display_name, role: u.role, disabled: u.disabled })) };
  });

  app.post('/v1/offices/:officeId/users', {
    schema: {
      tags: ['users'],
      params: Params,
      body: z.object({ username: z.string().min(2).max(64), displayName: z.string().max(64).optional(), role: UserRoleSchema, password: z.string().min(8).max(256) }),
      response: { 200: z.object({ id: z.string(), username: z.string(), role: UserRoleSchema }) },
    },
  }, async (req) => {
    const auth = authenticate(req, deps.secret);
    requireOffice(auth, req.params.officeId);
    requireRole(auth, ['admin']);
    const u = await createUser(deps.db, { ...req.body, officeIds: [req.params.officeId] }, deps.config.scryptLogN);
    return { id: u.id, username: u.username, role: u.role };
  });
};
