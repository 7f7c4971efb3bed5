import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PullRequestSchema, PullResponseSchema, PushRequestSchema, PushResponseSchema } from '../../../shared/sync/index';
import { authenticate } from '../auth/guard';
import { pull } from '../sync/pull';
import { push } from '../sync/push';
import type { RouteDeps } from './deps';

export const syncRoutes = (deps: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  app.post('/v1/sync/push', { schema: { tags: ['sync'], body: PushRequestSchema, response: { 200: PushResponseSchema } } }, async (req) => {
    const auth = authenticate(req, deps.secret);
    return push(deps.db, auth, req.body, req.log);
  });

  // The pull answer is built by the server from stored, already-validated records: it keeps its
  // schema for the OpenAPI document but is serialised with plain JSON.stringify — zod-checking
  // thousands of records per page cost ~0.2 ms each.
  app.post('/v1/sync/pull', { schema: { tags: ['sync'], body: PullRequestSchema, response: { 200: PullResponseSchema } }, serializerCompiler: () => (data) => JSON.stringify(data) }, async (req) => {
    const auth = authenticate(req, deps.secret);
    return pull(deps.db, auth, req.body);
  });
};
