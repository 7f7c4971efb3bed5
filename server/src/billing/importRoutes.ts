import { mkdtemp, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OfficeIdSchema } from '../../../shared/sync/index';
import { carrierMappingSchema } from '../../../shared/billing/index';
import { authenticate, requireOffice, requireRole } from '../auth/guard';
import { HttpError } from '../errors';
import type { RouteDeps } from '../routes/deps';
import { importCallFile, ImportRefused } from './callImport';

/** Default upper size of one uploaded carrier file: a month of an office's calls is hundreds of MB. */
export const DEFAULT_MAX_CALL_IMPORT_BYTES = 512 * 1024 * 1024;

/** MAX_CALL_IMPORT_BYTES in the environment, else the default. */
export function maxCallImportBytes(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.MAX_CALL_IMPORT_BYTES);
  return Number.isSafeInteger(n) && n > 0 ? n : DEFAULT_MAX_CALL_IMPORT_BYTES;
}

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

function tooLarge(limit: number, size?: number): HttpError {
  return new HttpError(
    413,
    'FILE_TOO_LARGE',
    `话单文件超过导入上限 ${mb(limit)}${size ? `（本文件 ${mb(size)}）` : ''}，未导入任何话单。请按月份或号码拆分后分次导入，或请管理员调高上限（MAX_CALL_IMPORT_BYTES）。`,
    `the call file is larger than the import limit of ${mb(limit)}; nothing was imported`,
  );
}

/** Passes bytes through and fails once more than `limit` went by (a body without Content-Length, or a wrong one). */
function byteLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      seen += chunk.length;
      if (seen > limit) cb(tooLarge(limit));
      else cb(null, chunk);
    },
  });
}

const RAW_TYPES = ['application/octet-stream', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/**
 * POST /v1/offices/:officeId/billing/imports/file?carrier=&fileName=&format=csv|xlsx[&saveMapping=true][&mapping=<JSON>]
 * with the file itself as the body (application/octet-stream, text/csv or the XLSX type). The body
 * is streamed to a temporary file (never held in memory), up to MAX_CALL_IMPORT_BYTES (default
 * 512 MB; larger → 413 with a zh-CN message), then imported by importCallFile, which reads it as a
 * stream. Sign-in and office scope are checked by billingRoutes' onRequest hook before the body
 * is read; staff only. Answers like POST …/imports (JSON, base64, kept for small files).
 */
export const callImportRoutes = (deps: RouteDeps, opts: { maxBytes?: number } = {}): FastifyPluginAsyncZod => async (app) => {
  const maxBytes = opts.maxBytes ?? maxCallImportBytes();
  // The body stays a stream: the handler writes it to disk after the caller is known.
  for (const type of RAW_TYPES) app.addContentTypeParser(type, (_req, payload, done) => done(null, payload));

  app.post('/v1/offices/:officeId/billing/imports/file', {
    schema: {
      tags: ['billing'],
      params: z.object({ officeId: OfficeIdSchema }),
      querystring: z.object({
        carrier: z.string().min(1).max(50),
        fileName: z.string().min(1).max(255),
        format: z.enum(['csv', 'xlsx']),
        saveMapping: z.enum(['true', 'false']).default('false'),
        /** a column mapping as JSON (else the carrier's saved one) */
        mapping: z.string().max(10_000).optional(),
      }),
    },
  }, async (req, reply) => {
    const auth = authenticate(req, deps.secret);
    requireOffice(auth, req.params.officeId);
    requireRole(auth, ['admin', 'manager', 'clerk']);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes, declared);
    let mapping;
    if (req.query.mapping !== undefined) {
      let json: unknown;
      try {
        json = JSON.parse(req.query.mapping);
      } catch {
        throw new HttpError(400, 'VALIDATION', '列映射（mapping）不是有效的 JSON。', 'mapping is not valid JSON');
      }
      const p = carrierMappingSchema.safeParse(json);
      if (!p.success) throw new HttpError(400, 'VALIDATION', `列映射（mapping）有误：${p.error.issues[0]?.message ?? ''}`, 'invalid mapping');
      mapping = p.data;
    }
    const body = req.body as Readable | undefined;
    if (!body || typeof (body as Readable).pipe !== 'function') throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', '话单文件须作为请求体上传（application/octet-stream、text/csv 或 XLSX 类型）。', 'send the file as the request body');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hotline-import-'));
    try {
      const file = path.join(dir, req.query.format === 'xlsx' ? 'calls.xlsx' : 'calls.csv');
      await pipeline(body, byteLimit(maxBytes), createWriteStream(file));
      return await importCallFile(deps.db, req.params.officeId, auth.userId, {
        carrier: req.query.carrier,
        fileName: req.query.fileName,
        format: req.query.format,
        path: file,
        mapping,
        saveMapping: req.query.saveMapping === 'true',
      });
    } catch (e) {
      if (e instanceof ImportRefused) return reply.code(422).send({ statusCode: 422, code: 'IMPORT_REFUSED', message: e.message, messageEn: 'the file was not imported', errorCount: e.errorCount, errors: e.errors });
      throw e;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
};
