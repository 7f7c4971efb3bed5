import { parseHotline } from '../../../shared/domain/index';
import type { MutationArgs } from '../../../shared/sync/index';
import { isUniqueViolation } from '../db/index';
import { numberRecord, type NumberRow } from '../numbers/pool';
import { reject, type HandlerOutcome, type MutationContext } from './context';

/**
 * `numbers.add`: a manager's import (file or 号段) reaches the server pool. All or nothing, like the
 * renderer's import: one unparseable number, a repeat in the batch or a number already in any
 * office's pool refuses the whole batch, naming the first offending number.
 */
export async function numbersAdd(ctx: MutationContext, a: MutationArgs<'numbers.add'>): Promise<HandlerOutcome> {
  const digits: string[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of a.numbers.entries()) {
    const p = parseHotline(raw);
    if (!p.ok) reject('INVALID_ARGS', { zh: `第 ${i + 1} 个号码 ${raw}：${p.reason}`, en: `number ${i + 1} (${raw}) is not a hotline number`, field: 'numbers' });
    if (seen.has(p.digits)) reject('ALREADY_EXISTS', { zh: `号码 ${p.display} 在本批中重复`, en: `${p.digits} appears twice in the batch`, field: 'numbers' });
    seen.add(p.digits);
    digits.push(p.digits);
  }
  const taken = await ctx.tx.query<{ number: string }>('SELECT number FROM hotline_numbers WHERE number = ANY($1::text[]) ORDER BY number LIMIT 1', [digits]);
  if (taken.rows[0]) reject('ALREADY_EXISTS', { zh: `号码 ${taken.rows[0].number} 已在号码池中，整批未导入`, en: `${taken.rows[0].number} is already in the pool; nothing added`, field: 'numbers' });
  try {
    const ins = await ctx.tx.query<NumberRow>('INSERT INTO hotline_numbers (number, office_id) SELECT unnest($1::text[]), $2 RETURNING *', [digits, ctx.officeId]);
    for (const row of ins.rows) ctx.writer.put(numberRecord(row));
    return { result: { added: ins.rows.length } };
  } catch (e) {
    // another device added one of them meanwhile: the unique key decides, nothing is half-added
    if (isUniqueViolation(e)) reject('ALREADY_EXISTS', { zh: '部分号码刚被加入号码池，整批未导入', en: 'some numbers were just added to the pool; nothing added', field: 'numbers' });
    throw e;
  }
}
