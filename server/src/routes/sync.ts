import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PullRequestSchema, PullResponseSchema, PushRequestSchema, PushResponseSchema, type PullResponse } from '../../../shared/sync/index';
import { authenticate } from '../auth/guard';
import { pullJson } from '../sync/pull';
import { push } from '../sync/push';
import type { RouteDeps } from './deps';

export const syncRoutes = (deps: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  app.post('/v1/sync/push', { schema: { tags: ['sync'], body: PushRequestSchema, response: { 200: PushResponseSchema } } }, async (req) => {
    const auth = authenticate(req, deps.secret);
    return push(deps.db, auth, req.body, req.log);
  });

  // The pull answer is built by the server from stored, already-validated records: it keeps its
  // schema for the OpenAPI document, but pullJson hands it back as JSON text with the records
  // spliced in unparsed (a string with a JSON content type is sent as is).
  app.post('/v1/sync/pull', { schema: { tags: ['sync'], body: PullRequestSchema, response: { 200: PullResponseSchema } } }, async (req, reply) => {
    const auth = authenticate(req, deps.secret);
    const json = await pullJson(deps.db, auth, req.body);
    // the schema's type describes the parsed answer; the text is that answer, serialised
    return reply.type('application/json; charset=utf-8').send(json as unknown as PullResponse);
  });
};
