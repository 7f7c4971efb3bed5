import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AttachmentStatusSchema, OfficeIdSchema, Sha256HexSchema } from '../../../shared/sync/index';
import { authenticate, requireOffice } from '../auth/guard';
import { HttpError } from '../errors';
import { attachmentStatus, putChunk, readParts } from '../attachments/store';
import type { RouteDeps } from './deps';

/**
 * Attachments (licence and ID scans), content-addressed per office:
 *   PUT  /v1/offices/:officeId/attachments/:sha256   body = bytes from `upload-offset`,
 *        headers upload-length (total size) and upload-offset; repeat until complete
 *   HEAD same URL → upload-offset / upload-length / upload-complete headers (resume point)
 *   GET  same URL → the bytes, once complete and verified
 */
export const attachmentRoutes = (deps: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const Params = z.object({ officeId: OfficeIdSchema, sha256: Sha256HexSchema });

  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: deps.config.maxChunkBytes }, (_req, body, done) => done(null, body));

  app.put('/v1/offices/:officeId/attachments/:sha256', {
    bodyLimit: deps.config.maxChunkBytes,
    schema: {
      tags: ['attachments'],
      params: Params,
      headers: z.object({
        'upload-length': z.coerce.number().int().nonnegative(),
        'upload-offset': z.coerce.number().int().nonnegative().default(0),
        'upload-content-type': z.string().max(100).regex(/^[\w.+-]+\/[\w.+-]+$/).default('application/octet-stream'),
      }),
      response: { 200: AttachmentStatusSchema },
    },
  }, async (req) => {
    const auth = authenticate(req, deps.secret);
    requireOffice(auth, req.params.officeId);
    const body = req.body;
    if (!(body instanceof Uint8Array)) throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', '附件须以 application/octet-stream 上传', 'send the bytes as application/octet-stream');
    return putChunk(deps.db, {
      officeId: req.params.officeId,
      sha256: req.params.sha256,
      userId: auth.userId,
      size: req.headers['upload-length'],
      offset: req.headers['upload-offset'],
      contentType: req.headers['upload-content-type'],
      bytes: body,
    }, deps.config.maxAttachmentBytes);
  });

  app.head('/v1/offices/:officeId/attachments/:sha256', { schema: { tags: ['attachments'], params: Params } }, async (req, reply) => {
    const auth = authenticate(req, deps.secret);
    requireOffice(auth, req.params.officeId);
    const s = await attachmentStatus(deps.db, req.params.officeId, req.params.sha256);
    if (!s) return reply.code(404).send();
    return reply
      .header('upload-offset', String(s.received))
      .header('upload-length', String(s.size))
      .header('upload-complete', String(s.complete))
      .header('cache-control', 'no-store')
      .send();
  });

  app.get('/v1/offices/:officeId/attachments/:sha256', { schema: { tags: ['attachments'], params: Params } }, async (req, reply) => {
    const auth = authenticate(req, deps.secret);
    requireOffice(auth, req.params.officeId);
    const s = await attachmentStatus(deps.db, req.params.officeId, req.params.sha256);
    if (!s || !s.complete) throw new HttpError(404, 'NOT_FOUND', '附件不存在或尚未上传完成', 'attachment missing or incomplete');
    const parts = await readParts(deps.db, req.params.officeId, req.params.sha256);
    return reply
      .header('content-type', s.contentType)
      .header('etag', `"${s.sha256}"`)
      .header('cache-control', 'private, max-age=31536000, immutable')
      .send(Buffer.concat(parts));
  });
};
