import { parseArgs } from 'node:util';
import type { Db } from '../db/index';
import { findOffice } from '../auth/accounts';
import { isIsoDate } from '../../../shared/domain/index';
import { BILLING_MONTH_RE } from '../../../shared/billing/index';
import { runCollections } from './collections';
import { runBilling } from './run';
import { loadBillingSettings, officeToday } from './settings';

export const BILLING_USAGE = `  npm run server -- run-billing --month 2026-11 [--office BJ] [--today 2026-12-01]
  npm run server -- run-collections [--date 2026-12-16] [--office BJ]
                                              billing jobs (every office unless --office; "today" injectable)`;

/**
 * The billing jobs from the command line (cron): `run-billing --month YYYY-MM` and
 * `run-collections --date YYYY-MM-DD`, each office in its own transaction; prints one JSON line per office.
 */
export async function billingCli(db: Db, command: 'run-billing' | 'run-collections', argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { month: { type: 'string' }, today: { type: 'string' }, date: { type: 'string' }, office: { type: 'string', multiple: true } }, strict: true });
  if (command === 'run-billing' && (!values.month || !BILLING_MONTH_RE.test(values.month))) throw new Error('run-billing needs --month YYYY-MM');
  const day = command === 'run-billing' ? values.today : values.date;
  if (day !== undefined && !isIsoDate(day)) throw new Error(`not a date: ${day} (YYYY-MM-DD)`);
  let offices: { id: string; prefix: string }[];
  if (values.office?.length) {
    offices = [];
    for (const o of values.office) {
      const found = await findOffice(db, o);
      if (!found) throw new Error(`office ${o} not found`);
      offices.push(found);
    }
  } else {
    offices = (await db.query<{ id: string; prefix: string }>('SELECT id, prefix FROM offices ORDER BY prefix')).rows;
  }
  for (const office of offices) {
    const out = await db.transaction(async (tx) => {
      const settings = await loadBillingSettings(tx, office.id);
      const today = day ?? (await officeToday(tx, settings.timeZone));
      return command === 'run-billing' ? runBilling(tx, office.id, values.month!, today, settings, null) : runCollections(tx, office.id, today, settings);
    });
    console.log(JSON.stringify({ office: office.prefix, ...out }));
  }
}
