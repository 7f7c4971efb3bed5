import { ATTACHMENT_KINDS, ATTACHMENT_KIND_LABELS, DEFAULT_OFFICE_SETTINGS, attachmentRefSchema, msg, msgOfIssue } from '../../../shared';
import { db } from './db';
import { nowIso } from './clock';
import { NotFoundError, ValidationError } from './errors';
import { writeWithOutbox } from './outbox';
import { requirePermission } from './session';
import { officeSettings } from './numbers';
import type { AttachmentKind, AttachmentMime, AttachmentRow, CustomerHistoryRow } from './rows';

/**
 * Licence and handler-ID scans of a customer (400 agreement 第三条). The file's own bytes decide its
 * type (a renamed .exe is not a PDF); the bytes are stored once per SHA-256 in `blobs`, to be
 * uploaded after the record and checked against the hash by the server (DESIGN.md §3).
 */

export { ATTACHMENT_KINDS };

/** The type the content says it is, from its first bytes; null when it is none of JPEG, PNG, PDF. */
export function sniffMime(bytes: Uint8Array): AttachmentMime | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // "%PDF-"
  return null;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // Copy into a fresh ArrayBuffer: digest() refuses views of a SharedArrayBuffer.
  const digest = await crypto.subtle.digest('SHA-256', bytes.slice().buffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The office's size limit for one scan (office setting `attachmentMaxBytes`, the office's record over this device's row). */
export async function attachmentMaxBytes(): Promise<number> {
  const value: unknown = (await officeSettings()).attachmentMaxBytes;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : DEFAULT_OFFICE_SETTINGS.attachmentMaxBytes;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export interface NewAttachment {
  customerId: string;
  kind: AttachmentKind;
  fileName: string;
  /** The type the browser or file dialog reported; it must agree with the content. */
  mime: string;
  bytes: Uint8Array;
}

export async function addAttachment(input: NewAttachment): Promise<AttachmentRow> {
  const user = await requirePermission('customer.edit');
  const d = db();
  if (!ATTACHMENT_KINDS.includes(input.kind)) throw new ValidationError({ kind: msg('attachment.kindInvalid') });
  const kind = ATTACHMENT_KIND_LABELS[input.kind];
  if (input.bytes.length === 0) throw new ValidationError({ file: msg('attachment.emptyFile', { kind }) });
  const limit = await attachmentMaxBytes();
  if (input.bytes.length > limit) {
    throw new ValidationError({ file: msg('attachment.tooLarge', { kind, size: formatSize(input.bytes.length), limit: formatSize(limit) }) });
  }
  const mime = sniffMime(input.bytes);
  if (!mime) throw new ValidationError({ file: msg('attachment.notScan', { kind, file: input.fileName }) });
  const declared = input.mime.toLowerCase().replace('image/jpg', 'image/jpeg');
  if (declared && declared !== 'application/octet-stream' && declared !== mime) {
    throw new ValidationError({ file: msg('attachment.typeMismatch', { kind, file: input.fileName, actual: mime, declared: input.mime }) });
  }
  const ref = attachmentRefSchema.safeParse({ kind: input.kind, sha256: '0'.repeat(64), fileName: input.fileName, mimeType: mime, sizeBytes: input.bytes.length });
  if (!ref.success) throw new ValidationError({ file: msg('attachment.invalid', { kind, message: ref.error.issues[0] ? msgOfIssue(ref.error.issues[0]) : '' }) });
  // Hash before the transaction: awaiting crypto.subtle inside it would let IndexedDB commit early.
  const sha256 = await sha256Hex(input.bytes);
  const blob = new Blob([input.bytes.slice().buffer], { type: mime });

  return writeWithOutbox([d.customers, d.attachments, d.blobs, d.customerHistory], async ({ enqueue }) => {
    const customer = await d.customers.get(input.customerId);
    if (!customer || customer.deletedAt) throw new NotFoundError(msg('notFound.customer'));
    const at = nowIso();
    const row: AttachmentRow = {
      id: crypto.randomUUID(),
      version: 1,
      createdAt: at,
      updatedAt: at,
      customerId: input.customerId,
      kind: input.kind,
      fileName: input.fileName,
      mime,
      size: input.bytes.length,
      sha256,
      createdBy: user.id,
    };
    await d.attachments.add(row);
    if (!(await d.blobs.get(sha256))) await d.blobs.add({ sha256, blob, size: row.size, mime, uploaded: 0 });
    const history: CustomerHistoryRow = {
      id: crypto.randomUUID(),
      customerId: input.customerId,
      at,
      userId: user.id,
      userName: user.name,
      field: 'attachment',
      oldValue: null,
      newValue: `${ATTACHMENT_KIND_LABELS[input.kind]}：${input.fileName}（SHA-256 ${sha256.slice(0, 12)}…）`,
    };
    await d.customerHistory.add(history);
    // The customer carries its attachment references (the domain's Customer.attachments), so the
    // reference syncs as an edit of the customer; the bytes follow by hash.
    const attachments = [...(customer.attachments ?? []), { kind: row.kind, sha256, fileName: row.fileName, mimeType: mime, sizeBytes: row.size }];
    await d.customers.put({ ...customer, attachments, version: customer.version + 1, updatedAt: at, updatedBy: user.id });
    await enqueue({ name: 'record.update', args: { entity: 'customer', id: customer.id, fields: { attachments } }, baseVersion: customer.version });
    return row;
  });
}

export async function listAttachments(customerId: string): Promise<AttachmentRow[]> {
  const rows = await db().attachments.where('customerId').equals(customerId).toArray();
  return rows.filter((a) => !a.deletedAt).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The stored bytes of an attachment, for preview. */
export async function attachmentBlob(sha256: string): Promise<Blob | null> {
  return (await db().blobs.get(sha256))?.blob ?? null;
}
