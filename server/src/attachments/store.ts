import { createHash } from 'node:crypto';
import type { AttachmentStatus } from '../../../shared/sync/index';
import type { Db, Queryable } from '../db/index';
import { HttpError } from '../errors';

interface AttachmentRow {
  sha256: string;
  size: number;
  received: number;
  complete: boolean;
  content_type: string;
}

const toStatus = (r: AttachmentRow): AttachmentStatus => ({ sha256: r.sha256, size: r.size, received: r.received, complete: r.complete, contentType: r.content_type });

export async function attachmentStatus(db: Queryable, officeId: string, sha256: string): Promise<AttachmentStatus | null> {
  const r = await db.query<AttachmentRow>('SELECT sha256, size, received, complete, content_type FROM attachments WHERE office_id = $1 AND sha256 = $2', [officeId, sha256]);
  return r.rows[0] ? toStatus(r.rows[0]) : null;
}

export interface ChunkInput {
  officeId: string;
  sha256: string;
  userId: string;
  /** total size of the file, declared by every chunk */
  size: number;
  offset: number;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * Appends one chunk of a resumable upload. The client sends chunks in order from the offset the
 * server has (HEAD tells it after an interruption); a chunk at any other offset gets 409 with
 * the offset to resume from. The last chunk triggers the SHA-256 check: a mismatch discards the
 * upload (422), so nothing unverified is ever served.
 */
export async function putChunk(db: Db, c: ChunkInput, maxBytes: number): Promise<AttachmentStatus> {
  if (c.size > maxBytes) throw new HttpError(413, 'TOO_LARGE', `附件超过大小上限 ${maxBytes} 字节`, `attachment exceeds ${maxBytes} bytes`);
  const outcome = await db.transaction(async (tx) => {
    await tx.query(
      'INSERT INTO attachments (office_id, sha256, size, content_type, created_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (office_id, sha256) DO NOTHING',
      [c.officeId, c.sha256, c.size, c.contentType, c.userId],
    );
    const row = (await tx.query<AttachmentRow>('SELECT sha256, size, received, complete, content_type FROM attachments WHERE office_id = $1 AND sha256 = $2 FOR UPDATE', [c.officeId, c.sha256])).rows[0]!;
    if (row.complete) return { status: toStatus(row) };
    if (row.size !== c.size) throw new HttpError(409, 'SIZE_MISMATCH', `文件大小与已开始的上传不一致（${row.size}）`, `size differs from the upload in progress (${row.size})`);
    if (c.offset !== row.received) throw new HttpError(409, 'OFFSET_MISMATCH', `上传位置应为 ${row.received}`, `resume from offset ${row.received}`);
    if (c.offset + c.bytes.length > row.size) throw new HttpError(400, 'OVERRUN', '数据超出声明的文件大小', 'chunk goes past the declared size');
    if (c.bytes.length > 0) {
      await tx.query('INSERT INTO attachment_parts (office_id, sha256, part_offset, data) VALUES ($1, $2, $3, $4)', [c.officeId, c.sha256, c.offset, c.bytes]);
    }
    const received = c.offset + c.bytes.length;
    if (received < row.size) {
      await tx.query('UPDATE attachments SET received = $3 WHERE office_id = $1 AND sha256 = $2', [c.officeId, c.sha256, received]);
      return { status: { ...toStatus(row), received } };
    }
    const hash = createHash('sha256');
    for (const part of await readParts(tx, c.officeId, c.sha256)) hash.update(part);
    if (hash.digest('hex') !== c.sha256) {
      await tx.query('DELETE FROM attachments WHERE office_id = $1 AND sha256 = $2', [c.officeId, c.sha256]);
      return { mismatch: true } as const;
    }
    await tx.query('UPDATE attachments SET received = $3, complete = true, completed_at = now() WHERE office_id = $1 AND sha256 = $2', [c.officeId, c.sha256, received]);
    return { status: { ...toStatus(row), received, complete: true } };
  });
  // Thrown after the transaction so the discarded upload's deletion commits.
  if ('mismatch' in outcome) throw new HttpError(422, 'HASH_MISMATCH', '文件内容与 SHA-256 不符，上传已作废，请重新上传', 'content does not match its SHA-256; upload discarded');
  return outcome.status;
}

export async function readParts(q: Queryable, officeId: string, sha256: string): Promise<Uint8Array[]> {
  const r = await q.query<{ data: Uint8Array }>('SELECT data FROM attachment_parts WHERE office_id = $1 AND sha256 = $2 ORDER BY part_offset', [officeId, sha256]);
  return r.rows.map((p) => p.data);
}
