import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginRequestSchema, RefreshRequestSchema, SessionSchema, SessionUserSchema } from '../../../shared/sync/index';
import { HttpError } from '../errors';
import { authenticate } from '../auth/guard';
import { login, logout, me, refresh } from '../auth/session';
import type { RouteDeps } from './deps';

export const authRoutes = (deps: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const cfg = { secret: deps.secret, accessTokenTtlSec: deps.config.accessTokenTtlSec, refreshTokenTtlSec: deps.config.refreshTokenTtlSec };

  app.post('/v1/auth/login', {
    schema: { tags: ['auth'], body: LoginRequestSchema, response: { 200: SessionSchema } },
    config: {
      rateLimit: {
        max: deps.config.loginRateLimit.max,
        timeWindow: deps.config.loginRateLimit.timeWindowMs,
        // After body parsing, so the key can be IP + username (one attacker cannot lock out a whole office).
        hook: 'preHandler',
        keyGenerator: (req) => `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
        errorResponseBuilder: (_req, ctx) => new HttpError(429, 'RATE_LIMITED', `登录尝试过于频繁，请 ${ctx.after} 后再试`, `too many login attempts, retry in ${ctx.after}`),
      },
    },
  }, async (req) => login(deps.db, cfg, req.body.username, req.body.password));

  app.post('/v1/auth/refresh', { schema: { tags: ['auth'], body: RefreshRequestSchema, response: { 200: SessionSchema } } }, async (req) => refresh(deps.db, cfg, req.body.refreshToken));

  app.post('/v1/auth/logout', { schema: { tags: ['auth'], body: RefreshRequestSchema, response: { 200: z.object({ ok: z.literal(true) }) } } }, async (req) => {
    await logout(deps.db, req.body.refreshToken);
    return { ok: true as const };
  });

  app.get('/v1/auth/me', { schema: { tags: ['auth'], response: { 200: SessionUserSchema } } }, async (req) => {
    const auth = authenticate(req, deps.secret);
    return me(deps.db, auth.userId);
  });
};
