import {
  SYNC_PROTOCOL_VERSION,
  type AttachmentStatus,
  type Change,
  type Mutation,
  type PullCursor,
  type PullResponse,
  type PushResponse,
  type Session,
} from '../../../shared/sync/index';

/**
 * The one place of the renderer that talks HTTP to the sync server (plain fetch: the protocol
 * is a handful of JSON calls, a client library would add nothing). Every call carries the
 * access token; a 401 refreshes the session once (rotating refresh token) and retries.
 */

/** The server answered with an error body (4xx/5xx). */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn?: string,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
  /** Worth retrying later with the same requests (server busy, restarting, rate limited). */
  get transient(): boolean {
    return this.status >= 500 || this.status === 429 || this.status === 408;
  }
}

/** The server could not be reached (offline, server down, connection cut mid-request). */
export class SyncNetworkError extends Error {
  readonly transient = true;
  constructor(message: string) {
    super(message);
    this.name = 'SyncNetworkError';
  }
}

export function isTransient(e: unknown): boolean {
  return e instanceof SyncNetworkError || (e instanceof SyncHttpError && e.transient);
}

/** Where the session lives (data/auth.ts); the API only reads tokens and stores refreshed ones. */
export interface SessionStore {
  current(): Promise<Session | null>;
  replace(session: Session): Promise<void>;
}

const TIMEOUT_MS = 60_000;

export class SyncApi {
  constructor(
    readonly baseUrl: string,
    private readonly sessions?: SessionStore,
  ) {}

  private url(path: string): string {
    return `${this.baseUrl.replace(/\/+$/, '')}${path}`;
  }

  private async raw(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(this.url(path), { ...init, signal: init.signal ?? AbortSignal.timeout(TIMEOUT_MS) });
    } catch (e) {
      throw new SyncNetworkError((e as Error).message || 'network error');
    }
  }

  private static async fail(res: Response): Promise<never> {
    let body: { code?: string; message?: string; messageEn?: string } = {};
    try {
      body = (await res.json()) as typeof body;
    } catch {
      // not JSON (a proxy's page): the status says enough
    }
    throw new SyncHttpError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? `服务器返回 ${res.status}`, body.messageEn);
  }

  /** A JSON call without a token (login, refresh, logout). */
  async publicJson<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.raw(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) await SyncApi.fail(res);
    return (await res.json()) as T;
  }

  private refreshing: Promise<Session> | null = null;

  /** One refresh at a time: two parallel 401s must not both spend the single-use refresh token. */
  async refresh(): Promise<Session> {
    this.refreshing ??= (async () => {
      const s = await this.sessions?.current();
      if (!s) throw new SyncHttpError(401, 'NOT_LOGGED_IN', '请先登录同步服务器', 'log in first');
      const next = await this.publicJson<Session>('POST', '/v1/auth/refresh', { refreshToken: s.refreshToken });
      await this.sessions!.replace(next);
      return next;
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** A call with the access token, refreshed first when about to expire and once more on a 401. */
  async authed(method: string, path: string, init: { json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {}): Promise<Response> {
    let s = await this.sessions?.current();
    if (!s) throw new SyncHttpError(401, 'NOT_LOGGED_IN', '请先登录同步服务器', 'log in first');
    if (Date.parse(s.accessTokenExpiresAt) - Date.now() < 30_000) s = await this.refresh();
    const send = (token: string) =>
      this.raw(path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(init.headers ?? {}),
        },
        body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
      });
    let res = await send(s.accessToken);
    if (res.status === 401) {
      s = await this.refresh();
      res = await send(s.accessToken);
    }
    return res;
  }

  async authedJson<T>(method: string, path: string, json?: unknown): Promise<T> {
    const res = await this.authed(method, path, json === undefined ? {} : { json });
    if (!res.ok) await SyncApi.fail(res);
    return (await res.json()) as T;
  }

  login(username: string, password: string): Promise<Session> {
    return this.publicJson<Session>('POST', '/v1/auth/login', { username, password });
  }

  logout(refreshToken: string): Promise<{ ok: true }> {
    return this.publicJson('POST', '/v1/auth/logout', { refreshToken });
  }

  push(clientId: string, mutations: Mutation[]): Promise<PushResponse> {
    return this.authedJson('POST', '/v1/sync/push', { clientId, protocolVersion: SYNC_PROTOCOL_VERSION, mutations });
  }

  pull(clientId: string, cursor: PullCursor, limit: number): Promise<PullResponse> {
    return this.authedJson('POST', '/v1/sync/pull', { clientId, protocolVersion: SYNC_PROTOCOL_VERSION, cursor, limit });
  }

  /** The server's copy of one record, or null when it has none (reconciling after a rejection). */
  async record(officeId: string, entity: string, id: string): Promise<Change | null> {
    const res = await this.authed('GET', `/v1/offices/${officeId}/records/${entity}/${encodeURIComponent(id)}`);
    if (res.status === 404) return null;
    if (!res.ok) await SyncApi.fail(res);
    return (await res.json()) as Change;
  }

  snapshot(officeId: string): Promise<{ officeId: string; version: number; records: Change[] }> {
    return this.authedJson('GET', `/v1/offices/${officeId}/snapshot`);
  }

  // ---- attachments (resumable, content-addressed) ----

  /** How many bytes of the file the server already has (0 when none). */
  async attachmentOffset(officeId: string, sha256: string): Promise<{ received: number; complete: boolean }> {
    const res = await this.authed('HEAD', `/v1/offices/${officeId}/attachments/${sha256}`);
    if (res.status === 404) return { received: 0, complete: false };
    if (!res.ok) await SyncApi.fail(res);
    return { received: Number(res.headers.get('upload-offset') ?? 0), complete: res.headers.get('upload-complete') === 'true' };
  }

  async attachmentChunk(officeId: string, sha256: string, total: number, offset: number, bytes: Blob, contentType: string): Promise<AttachmentStatus> {
    const res = await this.authed('PUT', `/v1/offices/${officeId}/attachments/${sha256}`, {
      body: bytes,
      headers: {
        'content-type': 'application/octet-stream',
        'upload-length': String(total),
        'upload-offset': String(offset),
        'upload-content-type': contentType,
      },
    });
    if (!res.ok) await SyncApi.fail(res);
    return (await res.json()) as AttachmentStatus;
  }

  async attachment(officeId: string, sha256: string): Promise<Blob | null> {
    const res = await this.authed('GET', `/v1/offices/${officeId}/attachments/${sha256}`);
    if (res.status === 404) return null;
    if (!res.ok) await SyncApi.fail(res);
    return res.blob();
  }
}
