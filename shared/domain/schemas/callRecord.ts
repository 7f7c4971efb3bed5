import { z } from 'zod';
import { zodMessage as m } from '../messages/zodMessage';
import { count, entityFields, fen, optionalText, requiredText, utcTimestamp, uuid } from './common';
import { hotlineDigitsField } from './hotlineNumber';

/** 话单 (DESIGN.md §5), imported from the carrier. Caller numbers are kept as delivered (may be masked or international). */
const callRecordFields = {
  carrierRecordId: requiredText('话单流水号', 100),
  hotlineDigits: hotlineDigitsField('400 号码'),
  serviceAccountId: uuid('服务账户').nullable().default(null),
  caller: requiredText('主叫号码', 40),
  forwardedTo: requiredText('被叫（转接）号码', 40),
  startAt: utcTimestamp('开始时间'),
  answerAt: utcTimestamp('应答时间').nullable().default(null),
  endAt: utcTimestamp('结束时间'),
  durationSeconds: count('通话时长（秒）'),
  callerProvince: optionalText('主叫省份', 20),
  callerCity: optionalText('主叫城市', 20),
  feeFen: fen('话费'),
};

function refineCallTimes(value: { startAt: string; answerAt: string | null; endAt: string }, ctx: z.RefinementCtx): void {
  const start = Date.parse(value.startAt);
  if (Date.parse(value.endAt) < start) ctx.addIssue({ code: 'custom', path: ['endAt'], message: m('callRecord.endBeforeStart'), params: { code: 'callRecord.endBeforeStart' } });
  if (value.answerAt !== null && Date.parse(value.answerAt) < start) {
    ctx.addIssue({ code: 'custom', path: ['answerAt'], message: m('callRecord.answerBeforeStart'), params: { code: 'callRecord.answerBeforeStart' } });
  }
}

export const callRecordObjectSchema = z.object({ ...entityFields, ...callRecordFields });
export const callRecordSchema = callRecordObjectSchema.superRefine(refineCallTimes);
export const callRecordDraftSchema = z.object(callRecordFields).superRefine(refineCallTimes);
export type CallRecord = z.infer<typeof callRecordSchema>;
export type CallRecordDraft = z.infer<typeof callRecordDraftSchema>;
