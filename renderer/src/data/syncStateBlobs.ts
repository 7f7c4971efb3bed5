import { db } from './db';
import type { AttachmentMime, BlobRow } from './rows';

/**
 * Attachment bytes for the sync engine: files this device has that the server has not
 * (`uploaded` 0), and files a pulled customer refers to that this device lacks.
 */

export async function blobsToUpload(): Promise<BlobRow[]> {
  return db().blobs.where('uploaded').equals(0).toArray();
}

export async function markBlobUploaded(sha256: string): Promise<void> {
  await db().blobs.update(sha256, { uploaded: 1 });
}

/** Hashes referenced by attachment rows without bytes on this device. */
export async function missingBlobs(): Promise<{ sha256: string; mime: AttachmentMime }[]> {
  const d = db();
  const refs = await d.attachments.toArray();
  const out = new Map<string, AttachmentMime>();
  for (const a of refs) {
    if (a.deletedAt || out.has(a.sha256)) continue;
    if (!(await d.blobs.get(a.sha256))) out.set(a.sha256, a.mime);
  }
  return [...out].map(([sha256, mime]) => ({ sha256, mime }));
}

export async function saveDownloadedBlob(sha256: string, blob: Blob, mime: AttachmentMime): Promise<void> {
  await db().blobs.put({ sha256, blob, size: blob.size, mime, uploaded: 1 });
}
