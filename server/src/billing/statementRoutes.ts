import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OfficeIdSchema } from '../../../shared/sync/index';
import { BILLING_MONTH_RE } from '../../../shared/billing/index';
import { authenticate, requireOffice, requireRole } from '../auth/guard';
import { HttpError } from '../errors';
import type { RouteDeps } from '../routes/deps';
import { createPdfConverter, PdfUnavailable } from './statementPdf';
import { officeSummaryDocx, readBill, statementDocx } from './statements';

const STAFF = ['admin', 'manager', 'clerk'] as const;

/**
 * GET …/billing/bills/:billId/statement.pdf and …/billing/runs/:month/summary.pdf: the Word files
 * of the statement and the office summary, converted by LibreOffice on the server (statementPdf.ts).
 * Registered inside billingRoutes, so its sign-in and office check run first; office-scoped and
 * for the same roles as the .docx routes. 503 with a zh-CN message when soffice is missing.
 */
export const statementPdfRoutes = (deps: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps;
  const converter = createPdfConverter();
  app.addHook('onClose', async () => converter.dispose());
  const P = z.object({ officeId: OfficeIdSchema });
  const base = '/v1/offices/:officeId/billing';
  const guard = (req: { headers: Record<string, unknown>; params: { officeId: string } }) => {
    const auth = authenticate(req as never, deps.secret);
    requireOffice(auth, req.params.officeId);
    requireRole(auth, STAFF);
  };
  const toPdf = async (docx: Uint8Array): Promise<Buffer> => {
    try {
      return Buffer.from(await converter.convert(docx));
    } catch (e) {
      if (e instanceof PdfUnavailable) throw new HttpError(503, 'PDF_UNAVAILABLE', e.message, e.messageEn);
      throw e;
    }
  };
  const attachment = (name: string) => `attachment; filename="${name}"`;

  app.get(`${base}/bills/:billId/statement.pdf`, { schema: { tags: ['billing'], params: P.extend({ billId: z.uuid() }) } }, async (req, reply) => {
    guard(req);
    const bill = await readBill(db, req.params.officeId, req.params.billId);
    if (!bill) throw new HttpError(404, 'BILL_NOT_FOUND', `账单 ${req.params.billId} 不存在。`, `Bill ${req.params.billId} does not exist.`);
    const pdf = await toPdf(await statementDocx(db, req.params.officeId, bill));
    return reply.header('content-type', 'application/pdf').header('content-disposition', attachment(`statement-${bill.billNo}.pdf`)).send(pdf);
  });

  app.get(`${base}/runs/:month/summary.pdf`, { schema: { tags: ['billing'], params: P.extend({ month: z.string().regex(BILLING_MONTH_RE, '月份须为 YYYY-MM 格式') }) } }, async (req, reply) => {
    guard(req);
    const pdf = await toPdf(await officeSummaryDocx(db, req.params.officeId, req.params.month));
    return reply.header('content-type', 'application/pdf').header('content-disposition', attachment(`summary-${req.params.month}.pdf`)).send(pdf);
  });
};
