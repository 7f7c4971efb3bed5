import Fastify, { type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { SYNC_PROTOCOL_VERSION } from '../../shared/sync/index';
import type { ServerConfig } from './config';
import { isTransientDbError, type Db } from './db/index';
import { HttpError } from './errors';
import { tokenSecret } from './auth/accounts';
import { attachmentRoutes } from './routes/attachments';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';
import { numberRoutes } from './routes/numbers';
import { recordRoutes } from './routes/records';
import { syncRoutes } from './routes/sync';
import { userRoutes } from './routes/users';
import { billingRoutes } from './billing/routes';
import { syncOpenApiComponents } from './sync/validationOpenApi';

export interface RouteInfo {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** every route registered, for the office-isolation test that walks the whole table */
    routeList: RouteInfo[];
  }
}

/** zh-CN messages for the framework's own 4xx errors (the English original goes in messageEn). */
const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: '请求体不是有效的 JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求体为空',
  FST_ERR_CTP_BODY_TOO_LARGE: '请求体过大',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持的内容类型',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '内容长度无效',
  FST_ERR_VALIDATION: '请求格式错误',
};

/**
 * Builds the HTTP app over an open, migrated database. Stateless: everything lives in the
 * database (including the token secret, unless configured), so any number of processes can
 * serve one PostgreSQL.
 */
export async function buildApp(opts: { db: Db; config: ServerConfig; logger?: boolean | object }): Promise<FastifyInstance> {
  const { db, config } = opts;
  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel, redact: ['req.headers.authorization', 'req.body.password', 'req.body.refreshToken'] },
    // Behind a load balancer the client address comes from X-Forwarded-For (rate limiting by IP).
    trustProxy: true,
    bodyLimit: 8 * 1024 * 1024,
    return503OnClosing: true,
  });
  // The renderer calls from another origin (http://127.0.0.1:<port> in a browser, 'null' from
  // Electron's file://): allow exactly the configured origins, and expose the upload headers.
  // Registered before routeList starts recording: its OPTIONS preflight route carries no data.
  await app.register(cors, {
    origin: (origin, cb) => cb(null, !origin || config.corsOrigins.some((o) => (o instanceof RegExp ? o.test(origin) : o === origin))),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'upload-length', 'upload-offset', 'upload-content-type'],
    exposedHeaders: ['upload-offset', 'upload-length', 'upload-complete'],
    maxAge: 600,
  });
  app.decorate('routeList', [] as RouteInfo[]);
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) app.routeList.push({ method: String(m), url: r.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof HttpError) {
      return reply.code(err.statusCode).send({ statusCode: err.statusCode, code: err.code, message: err.message, messageEn: err.messageEn });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: [err.validationContext, ...String(v.instancePath ?? '').split('/').filter(Boolean)].filter(Boolean).join('.'),
        message: v.message ?? 'invalid',
      }));
      const first = issues[0];
      return reply.code(400).send({
        statusCode: 400,
        code: 'VALIDATION',
        message: `请求格式错误${first ? `：字段 ${first.path}：${first.message}` : ''}`,
        messageEn: `invalid request${first ? `: ${first.path}: ${first.message}` : ''}`,
        issues,
      });
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const code = (err as { code?: string }).code ?? 'BAD_REQUEST';
      return reply.code(status).send({ statusCode: status, code, message: FRAMEWORK_MESSAGES[code] ?? '请求无效', messageEn: (err as Error).message });
    }
    if (isTransientDbError(err)) {
      // Busy or briefly unreachable database: the client retries with backoff.
      req.log.warn({ err }, 'transient database error');
      return reply.code(503).header('retry-after', '2').send({ statusCode: 503, code: 'UNAVAILABLE', message: '服务器繁忙，请稍后重试', messageEn: 'server busy, retry shortly' });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ statusCode: 500, code: 'INTERNAL', message: '服务器内部错误', messageEn: 'internal server error' });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ statusCode: 404, code: 'NO_ROUTE', message: `接口不存在：${req.method} ${req.url.split('?')[0]}`, messageEn: 'no such route' }));

  await app.register(swagger, {
    openapi: {
      info: { title: 'Hotline Office sync server', version: `protocol ${SYNC_PROTOCOL_VERSION}`, description: 'See docs/sync-protocol.md' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } }, schemas: syncOpenApiComponents() },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(rateLimit, { global: false });

  const secret = await tokenSecret(db, config.tokenSecret);
  const deps = { db, config, secret };
  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(syncRoutes(deps));
  await app.register(recordRoutes(deps));
  await app.register(numberRoutes(deps));
  await app.register(userRoutes(deps));
  await app.register(attachmentRoutes(deps));
  await app.register(billingRoutes(deps));
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
