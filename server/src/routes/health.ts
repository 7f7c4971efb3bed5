import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { migrationsCurrent } from '../db/index';
import type { RouteDeps } from './deps';

export const healthRoutes = (deps: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/healthz', { schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));

  const Ready = z.object({ status: z.enum(['ready', 'not_ready']), database: z.string(), migrations: z.string() });
  app.get('/readyz', { schema: { tags: ['health'], response: { 200: Ready, 503: Ready } } }, async (_req, reply) => {
    let database = 'ok';
    try {
      await deps.db.query('SELECT 1');
    } catch (e) {
      database = (e as Error).message;
    }
    const m = database === 'ok' ? await migrationsCurrent(deps.db) : { current: false, detail: 'database unreachable' };
    const ready = database === 'ok' && m.current;
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', database, migrations: m.detail });
  });
};
