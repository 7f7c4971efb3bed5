import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OfficeIdSchema } from '../../../shared/sync/index';
import { PAYMENT_METHODS, isIsoDate } from '../../../shared/domain/index';
import { BILLING_MONTH_RE, billingSettingsPatchSchema, carrierMappingSchema, overdueOn } from '../../../shared/billing/index';
import { authenticate, requireOffice, requireRole } from '../auth/guard';
import { HttpError } from '../errors';
import type { RouteDeps } from '../routes/deps';
import { loadBillingAccount } from './accounts';
import { importCallFile, ImportRefused, loadMapping, saveMapping } from './callImport';
import { runCollections } from './collections';
import { readLedger } from './ledger';
import { BillingRefused, listActions, listDisputes, postAdjustment, raiseDispute, refundAtClosure, resolveDispute, reverseAction, reverseEntry } from './ledgerOps';
import { PaymentRefused, recordPayment } from './payments';
import { reminders } from './reminders';
import { BillingRunRefused, runBilling } from './run';
import { loadBillingSettings, officeToday, saveBillingSettings } from './settings';
import { listBills, officeSummaryDocx, officeSummaryRows, readBill, statementDocx } from './statements';
import { statementPdfRoutes } from './statementRoutes';
import { callImportRoutes } from './importRoutes';

const STAFF = ['admin', 'manager', 'clerk'] as const;
const MANAGERS = ['admin', 'manager'] as const;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Turns the billing modules' refusals into 4xx answers with their zh-CN messages. */
function asHttp(e: unknown): never {
  if (e instanceof PaymentRefused) throw new HttpError(e.code === 'ACCOUNT_NOT_FOUND' ? 404 : e.code === 'ALREADY_EXISTS' ? 409 : 400, e.code, e.message);
  if (e instanceof BillingRefused) throw new HttpError(e.status, e.code, e.message);
  if (e instanceof BillingRunRefused) throw new HttpError(409, 'MONTH_NOT_OVER', e.message);
  if (e instanceof ImportRefused) throw Object.assign(new HttpError(422, 'IMPORT_REFUSED', e.message), { errors: e.errors, errorCount: e.errorCount });
  throw e;
}

const date = (label: string) => z.string().refine(isIsoDate, { message: `${label}须为 YYYY-MM-DD 格式的有效日期` });
const month = z.string().regex(BILLING_MONTH_RE, '月份须为 YYYY-MM 格式');
const fenNonZero = z.number().int().refine((n) => n !== 0, { message: '金额不能为零' });
const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/**
 * /v1/offices/:officeId/billing/… — the ledger, payments and renewals, adjustments, call-record
 * imports and disputes, the monthly run, statements, collections and reminders (docs/billing.md).
 */
export const billingRoutes = (deps: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps;
  const P = z.object({ officeId: OfficeIdSchema });
  const base = '/v1/offices/:officeId/billing';
  // Sign-in and office scope first, before the body is parsed or validated: a caller from another
  // office learns nothing, not even whether its request was well-formed.
  app.addHook('onRequest', async (req) => {
    const auth = authenticate(req, deps.secret);
    requireOffice(auth, (req.params as { officeId?: string }).officeId ?? '');
  });
  const guard = (req: { headers: Record<string, unknown>; params: { officeId: string } }, roles: readonly ('admin' | 'manager' | 'clerk' | 'field_agent')[]) => {
    const auth = authenticate(req as never, deps.secret);
    requireOffice(auth, req.params.officeId);
    requireRole(auth, roles);
    return auth;
  };

  await app.register(statementPdfRoutes(deps)); // statement.pdf, summary.pdf (LibreOffice)
  await app.register(callImportRoutes(deps)); // POST imports/file: the carrier file streamed as the body (no 8 MB cap)

  app.get(`${base}/settings`, { schema: { tags: ['billing'], params: P } }, async (req) => {
    guard(req, STAFF);
    return loadBillingSettings(db, req.params.officeId);
  });
  app.put(`${base}/settings`, { schema: { tags: ['billing'], params: P, body: billingSettingsPatchSchema } }, async (req) => {
    const auth = guard(req, MANAGERS);
    return db.transaction((tx) => saveBillingSettings(tx, req.params.officeId, req.body, auth.userId));
  });

  app.get(`${base}/accounts/:accountId/ledger`, { schema: { tags: ['billing'], params: P.extend({ accountId: id }) } }, async (req) => {
    guard(req, STAFF);
    const account = await loadBillingAccount(db, req.params.officeId, req.params.accountId);
    if (!account) throw new HttpError(404, 'ACCOUNT_NOT_FOUND', `服务账户 ${req.params.accountId} 不存在。`);
    const entries = await readLedger(db, req.params.officeId, req.params.accountId);
    const today = await officeToday(db, (await loadBillingSettings(db, req.params.officeId)).timeZone);
    return { accountId: account.accountId, state: account.state, balanceFen: entries.reduce((a, e) => a + e.amountFen, 0), overdueFen: overdueOn(entries, today), today, entries };
  });

  app.post(`${base}/payments`, {
    schema: {
      tags: ['billing'],
      params: P,
      body: z.object({
        id: id.default(() => randomUUID()),
        accountId: id,
        amountFen: z.number().int().positive().max(100_000_000_00),
        method: z.enum(PAYMENT_METHODS),
        kind: z.enum(['prepayment', 'renewal']).default('prepayment'),
        reference: z.string().max(100).nullable().default(null),
        note: z.string().max(500).nullable().default(null),
        receivedOn: date('收款日期').optional(),
      }),
    },
  }, async (req) => {
    const auth = guard(req, STAFF);
    try {
      return await db.transaction((tx) => recordPayment(tx, req.params.officeId, auth.userId, req.body));
    } catch (e) {
      asHttp(e);
    }
  });

  app.post(`${base}/accounts/:accountId/adjustments`, {
    schema: { tags: ['billing'], params: P.extend({ accountId: id }), body: z.object({ id: id.optional(), amountFen: fenNonZero, reason: z.string().trim().min(1, '调账原因不能为空').max(500), effectiveOn: date('生效日期').optional() }) },
  }, async (req) => {
    const auth = guard(req, MANAGERS);
    try {
      return await db.transaction((tx) => postAdjustment(tx, req.params.officeId, auth.userId, { ...req.body, accountId: req.params.accountId }));
    } catch (e) {
      asHttp(e);
    }
  });

  app.post(`${base}/ledger/:entryId/reverse`, { schema: { tags: ['billing'], params: P.extend({ entryId: id }), body: z.object({ reason: z.string().trim().min(1, '冲正原因不能为空').max(500) }) } }, async (req) => {
    const auth = guard(req, MANAGERS);
    try {
      return await db.transaction((tx) => reverseEntry(tx, req.params.officeId, auth.userId, req.params.entryId, req.body.reason));
    } catch (e) {
      asHttp(e);
    }
  });

  app.post(`${base}/accounts/:accountId/refund`, {
    schema: { tags: ['billing'], params: P.extend({ accountId: id }), body: z.object({ reason: z.string().trim().min(1).max(500), method: z.enum(PAYMENT_METHODS), reference: z.string().max(100).nullable().default(null) }) },
  }, async (req) => {
    const auth = guard(req, MANAGERS);
    try {
      return await db.transaction((tx) => refundAtClosure(tx, req.params.officeId, auth.userId, { ...req.body, accountId: req.params.accountId }));
    } catch (e) {
      asHttp(e);
    }
  });

  // the carriers with a saved column mapping (the import screen offers them)
  app.get(`${base}/carriers`, { schema: { tags: ['billing'], params: P } }, async (req) => {
    guard(req, STAFF);
    const r = await db.query<{ carrier: string }>('SELECT carrier FROM carrier_mappings WHERE office_id = $1 ORDER BY updated_at DESC', [req.params.officeId]);
    return { carriers: r.rows.map((x) => x.carrier) };
  });
  app.get(`${base}/carriers/:carrier/mapping`, { schema: { tags: ['billing'], params: P.extend({ carrier: z.string().min(1).max(50) }) } }, async (req) => {
    guard(req, STAFF);
    const m = await loadMapping(db, req.params.officeId, req.params.carrier);
    if (!m) throw new HttpError(404, 'NO_MAPPING', `运营商“${req.params.carrier}”还没有保存列映射。`);
    return m;
  });
  app.put(`${base}/carriers/:carrier/mapping`, { schema: { tags: ['billing'], params: P.extend({ carrier: z.string().min(1).max(50) }), body: carrierMappingSchema } }, async (req) => {
    const auth = guard(req, MANAGERS);
    await saveMapping(db, req.params.officeId, req.params.carrier, req.body, auth.userId);
    return req.body;
  });

  app.post(`${base}/imports`, {
    schema: {
      tags: ['billing'],
      params: P,
      body: z.object({
        carrier: z.string().min(1).max(50),
        fileName: z.string().min(1).max(255),
        format: z.enum(['csv', 'xlsx']),
        /** the file's bytes, base64 */
        contentBase64: z.string().min(1),
        mapping: carrierMappingSchema.optional(),
        saveMapping: z.boolean().default(false),
      }),
    },
  }, async (req, reply) => {
    const auth = guard(req, STAFF);
    try {
      return await importCallFile(db, req.params.officeId, auth.userId, { ...req.body, bytes: Buffer.from(req.body.contentBase64, 'base64') });
    } catch (e) {
      if (e instanceof ImportRefused) return reply.code(422).send({ statusCode: 422, code: 'IMPORT_REFUSED', message: e.message, messageEn: 'the file was not imported', errorCount: e.errorCount, errors: e.errors });
      throw e;
    }
  });
  app.get(`${base}/imports`, { schema: { tags: ['billing'], params: P } }, async (req) => {
    guard(req, STAFF);
    const r = await db.query(
      `SELECT id, carrier, file_name AS "fileName", format, rows_read AS "rowsRead", imported, skipped_duplicates AS "skippedDuplicates", created_at AS "createdAt"
         FROM call_imports WHERE office_id = $1 ORDER BY created_at DESC LIMIT 200`,
      [req.params.officeId],
    );
    return { imports: r.rows };
  });

  app.get(`${base}/disputes`, { schema: { tags: ['billing'], params: P, querystring: z.object({ status: z.enum(['open', 'upheld', 'rejected']).optional() }) } }, async (req) => {
    guard(req, STAFF);
    return { disputes: await listDisputes(db, req.params.officeId, req.query.status) };
  });
  app.post(`${base}/disputes`, {
    schema: { tags: ['billing'], params: P, body: z.object({ carrier: z.string().min(1).max(50), carrierRecordId: z.string().min(1).max(100), reason: z.string().trim().min(1, '异议原因不能为空').max(500), raisedOn: date('提出日期').optional() }) },
  }, async (req) => {
    const auth = guard(req, STAFF);
    try {
      return await db.transaction((tx) => raiseDispute(tx, req.params.officeId, auth.userId, req.body));
    } catch (e) {
      asHttp(e);
    }
  });
  app.post(`${base}/disputes/:disputeId/resolve`, {
    schema: { tags: ['billing'], params: P.extend({ disputeId: z.uuid() }), body: z.object({ outcome: z.enum(['upheld', 'rejected']), note: z.string().trim().min(1, '处理结果说明不能为空').max(500), adjustmentFen: z.number().int().positive().optional() }) },
  }, async (req) => {
    const auth = guard(req, MANAGERS);
    try {
      return await db.transaction((tx) => resolveDispute(tx, req.params.officeId, auth.userId, req.params.disputeId, req.body));
    } catch (e) {
      asHttp(e);
    }
  });

  app.post(`${base}/runs`, { schema: { tags: ['billing'], params: P, body: z.object({ month, today: date('今天').optional() }) } }, async (req) => {
    const auth = guard(req, MANAGERS);
    try {
      return await db.transaction(async (tx) => {
        const settings = await loadBillingSettings(tx, req.params.officeId);
        const today = req.body.today ?? (await officeToday(tx, settings.timeZone));
        return runBilling(tx, req.params.officeId, req.body.month, today, settings, auth.userId);
      });
    } catch (e) {
      asHttp(e);
    }
  });
  app.get(`${base}/runs/:month/summary`, { schema: { tags: ['billing'], params: P.extend({ month }) } }, async (req) => {
    guard(req, STAFF);
    const rows = await officeSummaryRows(db, req.params.officeId, req.params.month);
    return { month: req.params.month, bills: rows.length, totalFen: rows.reduce((a, r) => a + r.totalFen, 0), rows };
  });
  app.get(`${base}/runs/:month/summary.docx`, { schema: { tags: ['billing'], params: P.extend({ month }) } }, async (req, reply) => {
    guard(req, STAFF);
    const bytes = await officeSummaryDocx(db, req.params.officeId, req.params.month);
    return reply.header('content-type', DOCX).header('content-disposition', `attachment; filename="summary-${req.params.month}.docx"`).send(Buffer.from(bytes));
  });

  app.get(`${base}/bills`, { schema: { tags: ['billing'], params: P, querystring: z.object({ month: month.optional(), accountId: id.optional() }) } }, async (req) => {
    guard(req, STAFF);
    return { bills: await listBills(db, req.params.officeId, req.query) };
  });
  app.get(`${base}/bills/:billId/statement.docx`, { schema: { tags: ['billing'], params: P.extend({ billId: z.uuid() }) } }, async (req, reply) => {
    guard(req, STAFF);
    const bill = await readBill(db, req.params.officeId, req.params.billId);
    if (!bill) throw new HttpError(404, 'BILL_NOT_FOUND', `账单 ${req.params.billId} 不存在。`);
    const bytes = await statementDocx(db, req.params.officeId, bill);
    return reply.header('content-type', DOCX).header('content-disposition', `attachment; filename="statement-${bill.billNo}.docx"`).send(Buffer.from(bytes));
  });

  app.post(`${base}/collections`, { schema: { tags: ['billing'], params: P, body: z.object({ date: date('日期').optional() }) } }, async (req) => {
    guard(req, MANAGERS);
    return db.transaction(async (tx) => {
      const settings = await loadBillingSettings(tx, req.params.officeId);
      return runCollections(tx, req.params.officeId, req.body.date ?? (await officeToday(tx, settings.timeZone)), settings);
    });
  });
  app.get(`${base}/reminders`, { schema: { tags: ['billing'], params: P, querystring: z.object({ date: date('日期').optional() }) } }, async (req) => {
    guard(req, STAFF);
    const settings = await loadBillingSettings(db, req.params.officeId);
    return reminders(db, req.params.officeId, req.query.date ?? (await officeToday(db, settings.timeZone)));
  });
  app.get(`${base}/actions`, { schema: { tags: ['billing'], params: P, querystring: z.object({ accountId: id.optional() }) } }, async (req) => {
    guard(req, STAFF);
    return { actions: await listActions(db, req.params.officeId, req.query.accountId) };
  });
  app.post(`${base}/actions/:actionId/reverse`, { schema: { tags: ['billing'], params: P.extend({ actionId: z.uuid() }), body: z.object({ reason: z.string().trim().min(1, '撤销原因不能为空').max(500) }) } }, async (req) => {
    const auth = guard(req, MANAGERS);
    try {
      return await db.transaction((tx) => reverseAction(tx, req.params.officeId, auth.userId, req.params.actionId, req.body.reason));
    } catch (e) {
      asHttp(e);
    }
  });
};
