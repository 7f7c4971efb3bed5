import type { CarrierMapping, RowError } from '../../../shared';
import { getCachedSession } from '../data/auth';
import type { CallFileFormat, PastCallImport } from '../data/callImport';
import { SyncHttpError, SyncNetworkError } from './api';
import { apiFor, officeOf } from './engine';

/**
 * The server calls of the call-record import screen (话单导入): call records live on the server
 * only, so this screen needs a connection. The file is sent as the raw body of
 * POST …/billing/imports/file through XMLHttpRequest, the one browser API that reports upload
 * progress (fetch has no upload progress), with the session's token as api.ts sends it.
 */

/** What the server answers for an imported file. */
export interface CallImportResult {
  importId: string;
  carrier: string;
  rowsRead: number;
  imported: number;
  skippedDuplicates: number;
}

/** The server refused the whole file (422): nothing saved; every bad row named. */
export class CallImportRefused extends Error {
  constructor(
    message: string,
    readonly messageEn: string | undefined,
    readonly errors: RowError[],
    readonly errorCount: number,
  ) {
    super(message);
    this.name = 'CallImportRefused';
  }
}

/** The person cancelled the upload. */
export class UploadCancelled extends Error {
  constructor() {
    super('已取消上传');
    this.name = 'UploadCancelled';
  }
}

async function signedIn() {
  const cached = await getCachedSession();
  if (!cached) throw new SyncHttpError(401, 'NOT_LOGGED_IN', '请先登录同步服务器', 'sign in to the sync server first');
  return { cached, api: apiFor(cached), base: `/v1/offices/${encodeURIComponent(officeOf(cached))}/billing` };
}

/** Whether this device has a server session at all (the screen says so when not). */
export async function hasServerSession(): Promise<boolean> {
  return (await getCachedSession()) !== null;
}

/** The carrier's saved column mapping, or null when it has none yet. */
export async function getCarrierMapping(carrier: string): Promise<CarrierMapping | null> {
  const { api, base } = await signedIn();
  try {
    return await api.authedJson<CarrierMapping>('GET', `${base}/carriers/${encodeURIComponent(carrier)}/mapping`);
  } catch (e) {
    if (e instanceof SyncHttpError && e.status === 404) return null;
    throw e;
  }
}

/** The carriers with a saved column mapping, most recently saved first. */
export async function listMappedCarriers(): Promise<string[]> {
  const { api, base } = await signedIn();
  return (await api.authedJson<{ carriers: string[] }>('GET', `${base}/carriers`)).carriers;
}

/** The office's past imports, newest first (the server keeps the last 200). */
export async function listCallImports(): Promise<PastCallImport[]> {
  const { api, base } = await signedIn();
  return (await api.authedJson<{ imports: PastCallImport[] }>('GET', `${base}/imports`)).imports;
}

export interface UploadInput {
  file: Blob & { name: string };
  carrier: string;
  format: CallFileFormat;
  mapping: CarrierMapping;
  saveMapping: boolean;
  /** bytes sent so far of the total */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

interface XhrAnswer {
  status: number;
  body: unknown;
}

function send(url: string, token: string, input: UploadInput): Promise<XhrAnswer> {
  return new Promise((resolve, reject) => {
    if (input.signal?.aborted) return reject(new UploadCancelled());
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (ev) => input.onProgress?.(ev.loaded, ev.lengthComputable ? ev.total : input.file.size);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // not JSON (a proxy's page): the status says enough
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new SyncNetworkError('network error'));
    xhr.ontimeout = () => reject(new SyncNetworkError('timeout'));
    xhr.onabort = () => reject(new UploadCancelled());
    const abort = () => xhr.abort();
    input.signal?.addEventListener('abort', abort, { once: true });
    xhr.onloadend = () => input.signal?.removeEventListener('abort', abort);
    xhr.send(input.file);
  });
}

/**
 * Uploads one carrier file with the mapping chosen on the screen (saved for the carrier when asked).
 * Resolves with the server's counts; rejects with CallImportRefused (422, rows named),
 * SyncHttpError (413 too large, 403, …), SyncNetworkError or UploadCancelled.
 */
export async function uploadCallFile(input: UploadInput): Promise<CallImportResult> {
  const { cached, api, base } = await signedIn();
  const q = new URLSearchParams({
    carrier: input.carrier,
    fileName: input.file.name,
    format: input.format,
    saveMapping: String(input.saveMapping),
    mapping: JSON.stringify(input.mapping),
  });
  const url = `${cached.serverUrl.replace(/\/+$/, '')}${base}/imports/file?${q}`;
  let session = cached.session;
  if (Date.parse(session.accessTokenExpiresAt) - Date.now() < 30_000) session = await api.refresh();
  let answer = await send(url, session.accessToken, input);
  if (answer.status === 401) {
    session = await api.refresh();
    answer = await send(url, session.accessToken, input);
  }
  const body = (answer.body ?? {}) as { code?: string; message?: string; messageEn?: string; errors?: RowError[]; errorCount?: number };
  if (answer.status === 422 && body.code === 'IMPORT_REFUSED') {
    throw new CallImportRefused(body.message ?? '文件未导入', body.messageEn, body.errors ?? [], body.errorCount ?? body.errors?.length ?? 0);
  }
  if (answer.status < 200 || answer.status >= 300) {
    throw new SyncHttpError(answer.status, body.code ?? `HTTP_${answer.status}`, body.message ?? `服务器返回 ${answer.status}`, body.messageEn);
  }
  return answer.body as CallImportResult;
}
