import { z } from 'zod';
import {
  callRecordObjectSchema,
  contractSchema,
  customerObjectSchema,
  hotlineDigitsField,
  isoDateField,
  localizeIssue,
  requirementFormSchema,
  serviceAccountSchema,
  servicePackageSchema,
  utcTimestampField,
  validateUscc,
  validateUsccStructure,
  zodMessage,
  countField,
  fenField,
} from '../../../shared/domain/index';
import { RecordIdSchema, rejection, type RecordData, type SyncEntity } from '../../../shared/sync/index';
import { Rejected } from './context';

/**
 * Server-side validation of the data a client writes through `record.create` / `record.update`,
 * with the domain's own zod field schemas (shared/domain/schemas): the same USCC, resident-ID,
 * mobile, landline, money and date rules the forms use, and their catalogued messages.
 *
 * What is checked, and why this shape:
 *  - every field the domain defines for the entity is checked when the record holds it (create: the
 *    data; update: the stored record merged with the fields, so a partial edit is judged as the
 *    record it produces). A missing field is not demanded: completeness is the form's rule (a draft
 *    受理单 may be half filled), wrong values are the server's.
 *  - the renderer keeps some entities in its own shape (a 受理单's `numberDigits`, a contract's
 *    `number`/`templateId`, the local `steps`); keys the domain does not define pass untouched, so
 *    an honest client is never refused for its bookkeeping.
 *  - references to other records are checked as record ids (RecordIdSchema), not as UUIDs: the
 *    protocol's ids also name hotline numbers and server-made records.
 * A refusal is an ordinary INVALID_ARGS rejection naming the field (zh-CN message, English twin,
 * catalog code and params), stored and replayed like any other: it never blocks the queue.
 */

const ref = (label: string) => RecordIdSchema.meta({ description: label });
const nullable = <T extends z.ZodType>(s: T) => s.nullable();

/** A 业务需求单 as a draft keeps it: blank entries are not yet given, filled ones must be valid. */
const draftRequirementSchema = z.preprocess(
  (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const blank = x === null || x === undefined || (typeof x === 'string' && x.trim() === '') || (Array.isArray(x) && x.length === 0) || x === 0;
      if (!blank) out[k] = x;
    }
    return out;
  },
  requirementFormSchema.partial(),
);

const customer = customerObjectSchema.shape;
const pkg = servicePackageSchema.shape;
const account = serviceAccountSchema.shape;
const contract = contractSchema.shape;
const call = callRecordObjectSchema.shape;

/** Per entity: the domain field schemas a record's data must satisfy where it holds the field. */
const FIELD_SCHEMAS: Partial<Record<SyncEntity, Record<string, z.ZodType>>> = {
  customer: {
    name: customer.name,
    uscc: customer.uscc,
    usccOverrideReason: customer.usccOverrideReason,
    legalRepresentative: customer.legalRepresentative,
    address: customer.address,
    landline: customer.landline,
    handlerName: customer.handlerName,
    handlerIdNumber: customer.handlerIdNumber,
    handlerMobile: customer.handlerMobile,
    email: customer.email,
    attachments: customer.attachments,
    realNameStatus: customer.realNameStatus,
    verifiedAt: customer.verifiedAt,
    verifiedBy: nullable(ref('核验人')),
    notes: customer.notes,
  },
  package: {
    name: pkg.name,
    carrier: pkg.carrier,
    prepaymentFen: pkg.prepaymentFen,
    monthlyMinimumFen: pkg.monthlyMinimumFen,
    tariffFenPerMinute: pkg.tariffFenPerMinute,
    includedMinutes: pkg.includedMinutes,
    termMonths: pkg.termMonths,
    featureFees: pkg.featureFees,
    active: pkg.active,
    notes: pkg.notes,
  },
  application: {
    customerId: ref('客户'),
    packageId: nullable(ref('套餐')),
    accountId: nullable(ref('服务账户')),
    numberDigits: nullable(hotlineDigitsField('400 号码')),
    requirement: draftRequirementSchema,
    contractSignedOn: nullable(isoDateField('签约日期')),
    sentToCarrierOn: nullable(isoDateField('报送运营商日期')),
    completionReceivedOn: nullable(isoDateField('竣工单收到日期')),
    openedOn: nullable(isoDateField('实际开通日期')),
    deemedAcceptanceOn: nullable(isoDateField('视为验收日期')),
  },
  account: {
    customerId: ref('客户'),
    packageId: nullable(ref('套餐')),
    applicationId: nullable(ref('受理单')),
    numberDigits: hotlineDigitsField('400 号码'),
    stateSince: account.stateSince,
    contractAmountFen: account.contractAmountFen,
    firstRenewalFen: account.firstRenewalFen,
    monthlyMinimumFen: account.monthlyMinimumFen,
    completionReceivedOn: account.completionReceivedOn,
    openedOn: account.openedOn,
    termEndsOn: account.termEndsOn,
    notes: account.notes,
  },
  contract: {
    customerId: ref('客户'),
    applicationId: nullable(ref('受理单')),
    hotlineDigits: nullable(hotlineDigitsField('400 号码')),
    amountFen: contract.amountFen,
    monthlyMinimumFen: contract.monthlyMinimumFen,
    signedOn: contract.signedOn,
    printedAt: nullable(utcTimestampField('打印时间')),
    printCount: countField('打印次数'),
    documentSha256: contract.documentSha256,
  },
  callRecord: {
    carrierRecordId: call.carrierRecordId,
    hotlineDigits: call.hotlineDigits,
    serviceAccountId: nullable(ref('服务账户')),
    caller: call.caller,
    forwardedTo: call.forwardedTo,
    startAt: call.startAt,
    answerAt: call.answerAt,
    endAt: call.endAt,
    durationSeconds: call.durationSeconds,
    callerProvince: call.callerProvince,
    callerCity: call.callerCity,
    feeFen: fenField('话费'),
  },
};

/** The customer's cross-field rule (customerDraftSchema): a USCC whose check character fails needs a written reason. */
function refineCustomer(value: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const uscc = value.uscc;
  if (typeof uscc !== 'string') return;
  const code = uscc.trim().toUpperCase();
  const reason = typeof value.usccOverrideReason === 'string' ? value.usccOverrideReason.trim() : '';
  if (!validateUscc(code).ok && validateUsccStructure(code).ok && !reason) {
    ctx.addIssue({ code: 'custom', path: ['uscc'], message: zodMessage('uscc.checksumOverride'), params: { code: 'uscc.checksumOverride' } });
  }
}

/** The data schema of an entity: every domain field optional (present → valid), other keys pass. */
function dataSchema(entity: SyncEntity): z.ZodType<RecordData> | null {
  const fields = FIELD_SCHEMAS[entity];
  if (!fields) return null;
  const shape: Record<string, z.ZodType> = {};
  for (const [k, s] of Object.entries(fields)) shape[k] = s.optional();
  const object = z.object(shape).loose();
  return (entity === 'customer' ? object.superRefine(refineCustomer) : object) as unknown as z.ZodType<RecordData>;
}

/** Built once: the schemas are pure and the catalog's zh-CN sentences are remembered while they are built. */
export const SYNC_DATA_SCHEMAS: Partial<Record<SyncEntity, z.ZodType<RecordData>>> = Object.fromEntries(
  Object.keys(FIELD_SCHEMAS).map((e) => [e, dataSchema(e as SyncEntity)]),
);

export interface DataIssue {
  field: string;
  message: string;
  messageEn: string;
  messageCode?: string;
  params?: Record<string, string | number>;
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

function scalarParams(params: Record<string, unknown> | undefined): Record<string, string | number> | undefined {
  if (!params) return undefined;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (k !== 'code' && (typeof v === 'string' || typeof v === 'number')) out[k] = v;
  return Object.keys(out).length ? out : undefined;
}

/** The first problem of a record's data, or null when the domain rules hold (entities without rules: null). */
export function checkRecordData(entity: SyncEntity, data: RecordData): DataIssue | null {
  const schema = SYNC_DATA_SCHEMAS[entity];
  if (!schema) return null;
  const r = schema.safeParse(data);
  if (r.success) return null;
  const issue = r.error.issues[0]!;
  const params = (issue as { params?: Record<string, unknown> }).params;
  const messageCode = typeof params?.code === 'string' ? params.code : undefined;
  const field = pathOf(issue.path) || 'data';
  return {
    field,
    message: issue.message,
    messageEn: localizeIssue(issue, 'en'),
    ...(messageCode ? { messageCode } : {}),
    ...(scalarParams(params) ? { params: scalarParams(params) } : {}),
  };
}

/** Refuses (INVALID_ARGS naming the field) a record whose data breaks a domain rule. */
export function assertRecordData(entity: SyncEntity, data: RecordData): void {
  const issue = checkRecordData(entity, data);
  if (!issue) return;
  // The domain message already names the field by its label; `field` names the key for the UI.
  throw new Rejected({
    ...rejection('INVALID_ARGS', { zh: issue.message, en: issue.messageEn, field: issue.field }),
    ...(issue.messageCode ? { messageCode: issue.messageCode } : {}),
    ...(issue.params ? { params: issue.params } : {}),
  });
}
