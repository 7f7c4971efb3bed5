import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))));
}

const KEYLEN = 32;

/**
 * Password hash as `scrypt$<logN>$<r>$<p>$<salt b64>$<hash b64>`: salt and cost are stored with
 * the hash, so the cost can be raised later without invalidating existing passwords.
 */
export async function hashPassword(password: string, logN = 15): Promise<string> {
  const salt = randomBytes(16);
  const r = 8;
  const p = 1;
  const key = await scrypt(password, salt, KEYLEN, { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r });
  return ['scrypt', logN, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, logN, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hashB64, 'base64');
  const N = 2 ** Number(logN);
  const key = await scrypt(password, Buffer.from(saltB64, 'base64'), expected.length, { N, r: Number(r), p: Number(p), maxmem: 256 * N * Number(r) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A dummy hash to verify against when the user does not exist, so timing does not reveal it. */
export const DUMMY_HASH = 'scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export function newOfflineSalt(): string {
  return randomBytes(16).toString('base64');
}

/** OWASP 2023 guidance for PBKDF2-HMAC-SHA-256; the client derives it with WebCrypto. */
export const OFFLINE_VERIFIER_ITERATIONS = 600_000;
