import { db } from './db';
import type { CustomerHistoryRow } from './rows';

/**
 * A customer's change history is the server's (server/src/sync/history.ts): it writes the lines
 * of every change it applies, with its own clock and the caller's name, and every device pulls
 * them as `customerHistory` records. The repositories still write a line locally at once (the
 * clerk sees the change before any sync); when the server's line for the same change arrives,
 * the local one is dropped so the device shows each change once, as every other device does.
 *
 * Which local line is "the same change": the server writes the same field and the same text as
 * the repositories do (masked ID numbers, status labels, attachment names), so a local line
 * (one without a server `version`) of that customer with the same field and new value is it.
 * Lines written before history travelled, which the server never saw, stay as they are.
 */
export async function dropLocalHistoryLines(pulled: readonly Record<string, unknown>[]): Promise<void> {
  if (pulled.length === 0) return;
  const d = db();
  const customers = [...new Set(pulled.map((r) => String(r.customerId)))];
  const local = (await d.customerHistory.where('customerId').anyOf(customers).toArray()).filter(
    (r) => typeof (r as Partial<{ version: unknown }>).version !== 'number',
  );
  if (local.length === 0) return;
  const drop: string[] = [];
  const taken = new Set<string>();
  for (const p of pulled) {
    const match = local.find(
      (l: CustomerHistoryRow) => !taken.has(l.id) && l.customerId === p.customerId && l.field === p.field && (l.newValue ?? null) === (p.newValue ?? null),
    );
    if (match) {
      taken.add(match.id);
      drop.push(match.id);
    }
  }
  if (drop.length) await d.customerHistory.bulkDelete(drop);
}
