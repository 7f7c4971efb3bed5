import { sha256Hex } from '../data/attachments';
import { blobsToUpload, markBlobUploaded, missingBlobs, saveDownloadedBlob } from '../data/syncStateBlobs';
import type { SyncApi } from './api';

/**
 * Attachment bytes travel after their records, addressed by SHA-256 (the server checks it).
 * Upload is resumable: ask the server how much it has (HEAD), send the rest in chunks; a run
 * killed mid-file continues from the server's offset next time.
 */

const CHUNK = 512 * 1024;

export async function uploadPending(api: SyncApi, officeId: string, progress: (done: number, total: number) => void): Promise<void> {
  const todo = await blobsToUpload();
  progress(0, todo.length);
  let done = 0;
  for (const b of todo) {
    let { received, complete } = await api.attachmentOffset(officeId, b.sha256);
    while (!complete) {
      const end = Math.min(b.size, received + CHUNK);
      const status = await api.attachmentChunk(officeId, b.sha256, b.size, received, b.blob.slice(received, end), b.mime);
      if (status.received <= received && !status.complete) throw new Error(`附件 ${b.sha256.slice(0, 12)}… 上传没有进展`);
      received = status.received;
      complete = status.complete;
    }
    await markBlobUploaded(b.sha256);
    progress(++done, todo.length);
  }
}

export async function downloadMissing(api: SyncApi, officeId: string, progress: (done: number, total: number) => void): Promise<void> {
  const todo = await missingBlobs();
  progress(0, todo.length);
  let done = 0;
  for (const m of todo) {
    const blob = await api.attachment(officeId, m.sha256);
    // Not there yet (the other device has not uploaded it): try again on the next sync.
    if (!blob) continue;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    if ((await sha256Hex(bytes)) !== m.sha256) throw new Error(`附件 ${m.sha256.slice(0, 12)}… 校验失败`);
    await saveDownloadedBlob(m.sha256, new Blob([bytes], { type: m.mime }), m.mime);
    progress(++done, todo.length);
  }
}
