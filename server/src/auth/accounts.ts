import { randomBytes, randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/index';
import { HttpError } from '../errors';
import { type UserRole } from '../../../shared/sync/index';
import { hashPassword, newOfflineSalt } from './password';
import { writeRecords } from '../sync/changes';

export interface OfficeRow {
  id: string;
  name: string;
  prefix: string;
}

export async function createOffice(db: Db, input: { name: string; prefix: string }): Promise<OfficeRow> {
  const name = input.name.trim();
  const prefix = input.prefix.trim();
  if (!name) throw new HttpError(400, 'INVALID', '营业厅名称不能为空', 'office name is required');
  if (!/^[A-Za-z0-9_-]{1,16}$/.test(prefix)) throw new HttpError(400, 'INVALID', '营业厅前缀须为1-16位字母或数字', 'prefix: 1-16 letters or digits');
  const id = randomUUID();
  const r = await db.query<OfficeRow>('INSERT INTO offices (id, name, prefix) VALUES ($1, $2, $3) ON CONFLICT (prefix) DO NOTHING RETURNING id, name, prefix', [id, name, prefix]);
  if (!r.rows[0]) throw new HttpError(409, 'EXISTS', `前缀 ${prefix} 已被使用`, `prefix ${prefix} is taken`);
  return r.rows[0];
}

export async function findOffice(q: Queryable, idOrPrefix: string): Promise<OfficeRow | null> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrPrefix);
  const r = await q.query<OfficeRow>(
    isUuid ? 'SELECT id, name, prefix FROM offices WHERE id = $1' : 'SELECT id, name, prefix FROM offices WHERE prefix = $1',
    [idOrPrefix],
  );
  return r.rows[0] ?? null;
}

export interface CreateUserInput {
  username: string;
  displayName?: string;
  role: UserRole;
  password: string;
  officeIds: string[];
}

export async function createUser(db: Db, input: CreateUserInput, scryptLogN = 15): Promise<{ id: string; username: string; role: UserRole; officeIds: string[] }> {
  const username = input.username.trim();
  if (!/^[A-Za-z0-9_.@-]{2,64}$/.test(username)) throw new HttpError(400, 'INVALID', '用户名须为2-64位字母、数字或 _.@-', 'username: 2-64 letters, digits or _.@-');
  if (input.password.length < 8) throw new HttpError(400, 'INVALID', '密码至少8位', 'password: at least 8 characters');
  if (input.officeIds.length === 0) throw new HttpError(400, 'INVALID', '用户至少属于一个营业厅', 'a user belongs to at least one office');
  const hash = await hashPassword(input.password, scryptLogN);
  const id = randomUUID();
  const displayName = input.displayName?.trim() || username;
  await db.transaction(async (tx) => {
    const r = await tx.query(
      `INSERT INTO users (id, username, display_name, role, password_hash, offline_salt) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (username) DO NOTHING`,
      [id, username, displayName, input.role, hash, newOfflineSalt()],
    );
    if (r.rowCount === 0) throw new HttpError(409, 'EXISTS', `用户名 ${username} 已存在`, `username ${username} exists`);
    for (const officeId of input.officeIds) {
      await tx.query('INSERT INTO memberships (user_id, office_id) VALUES ($1, $2)', [id, officeId]);
      // The office's devices learn their colleagues (names and roles only) through the change log.
      await writeRecords(tx, officeId, 'server', [
        { entity: 'user', id, data: { username, displayName, role: input.role }, deleted: false, changedFields: ['username', 'displayName', 'role'] },
      ]);
    }
  });
  return { id, username, role: input.role, officeIds: input.officeIds };
}

/** The HMAC secret for access tokens: from config, else generated once and shared by every process through the database. */
export async function tokenSecret(db: Db, configured?: string): Promise<string> {
  if (configured) return configured;
  await db.query("INSERT INTO server_settings (key, value) VALUES ('token_secret', $1) ON CONFLICT (key) DO NOTHING", [randomBytes(32).toString('base64url')]);
  const r = await db.query<{ value: string }>("SELECT value FROM server_settings WHERE key = 'token_secret'");
  return r.rows[0]!.value;
}
