import { isProvisionalContractNumber, msg, provisionalContractNumber } from '../../../shared';
import { db } from './db';
import { ValidationError } from './errors';

/**
 * Contract numbers on this device (issue 5 item 2, the local part). The number format and its
 * rules are shared/contracts/number.ts; here is how a device makes one while possibly offline.
 *
 * - A new contract always gets a PROVISIONAL number: office prefix + year + P + device tag + the
 *   device's own counter for that prefix and year, e.g. ZZQF-2026-P1A2B3C4D-0001. The device tag
 *   is unique per device, so two offline laptops of one office never make the same number; the
 *   office prefix is unique per office, so two offices never do either. The counter lives in
 *   `meta` and is bumped in the same transaction that stores the contract; the unique `number`
 *   index of the contracts table refuses a repeat on this device even if the counter were lost.
 * - The device tag is the one the server registered for the device (meta `deviceTag`) when there
 *   is one, else derived from the device's client id (a random UUID): 40 of its bits written in
 *   base 36, 8 characters. Two devices collide with odds of about 1 in 10^12.
 * - DECISION — when the number becomes permanent: when a copy first LEAVES the app (printed,
 *   printed to PDF, saved as Word, exported in a batch zip), the contract is frozen with the number
 *   it carries, whatever its kind. A final number the server issues later (`applyServerNumber`)
 *   replaces the provisional one only while the contract is still a draft; after that the
 *   provisional number stays the contract's number for good (the server keeps it instead of
 *   renumbering). Nothing on paper can ever disagree with the register.
 */

export const DEVICE_TAG_KEY = 'deviceTag';
const CLIENT_ID_KEY = 'clientId';

/** Base-36 tag of 8 characters from the first 40 bits of a UUID (why not the whole UUID: the format allows 2–8 characters). */
export function deviceTagFromClientId(clientId: string): string {
  const hex = clientId.replace(/[^0-9a-f]/gi, '').slice(0, 10);
  if (hex.length < 10) throw new RangeError(`client id ${clientId} is not a UUID`);
  return parseInt(hex, 16).toString(36).toUpperCase().padStart(8, '0');
}

const DEVICE_TAG = /^[0-9A-Z]{2,8}$/;

/**
 * The device tag; call inside a transaction that includes `meta`. Makes and keeps the client id
 * when the device has none yet (the same key the outbox uses).
 */
export async function deviceTagInTx(): Promise<string> {
  const meta = db().meta;
  const given = await meta.get(DEVICE_TAG_KEY);
  if (typeof given?.value === 'string' && DEVICE_TAG.test(given.value)) return given.value;
  let id = (await meta.get(CLIENT_ID_KEY))?.value;
  if (typeof id !== 'string') {
    id = crypto.randomUUID();
    await meta.put({ key: CLIENT_ID_KEY, value: id });
  }
  return deviceTagFromClientId(id as string);
}

const counterKey = (prefix: string, year: number) => `contractSeq:${prefix}:${year}`;

/**
 * The next provisional number for this device; call inside the transaction that stores the
 * contract (it must include `meta` and the contracts table).
 */
export async function nextProvisionalNumberInTx(prefix: string, year: number): Promise<string> {
  const meta = db().meta;
  const tag = await deviceTagInTx();
  const key = counterKey(prefix, year);
  const last = (await meta.get(key))?.value;
  let sequence = (typeof last === 'number' ? last : 0) + 1;
  // The counter is the usual source; skipping numbers already stored guards against a lost counter.
  while (await db().table('contracts').where('number').equals(numberOf(prefix, year, tag, sequence)).count()) sequence += 1;
  await meta.put({ key, value: sequence });
  return numberOf(prefix, year, tag, sequence);
}

function numberOf(prefix: string, year: number, tag: string, sequence: number): string {
  try {
    return provisionalContractNumber(prefix, year, tag, sequence);
  } catch (e) {
    throw new ValidationError({ contractPrefix: msg('contract.badPrefix', { message: (e as Error).message }) });
  }
}

export { isProvisionalContractNumber };
