import { resolve } from 'node:path';

export interface ServerConfig {
  host: string;
  port: number;
  /** PostgreSQL URL; when absent the server uses PGlite in dataDir */
  databaseUrl?: string;
  dataDir: string;
  poolSize: number;
  logLevel: string;
  /** HMAC secret for access tokens; when absent one is generated once and kept in the database */
  tokenSecret?: string;
  accessTokenTtlSec: number;
  refreshTokenTtlSec: number;
  loginRateLimit: { max: number; timeWindowMs: number };
  maxAttachmentBytes: number;
  maxChunkBytes: number;
  /** scrypt cost (2^n); kept with each hash, so it can be raised later */
  scryptLogN: number;
  /** Browser origins allowed to call the API (CORS): loopback pages and Electron's file:// ('null') by default */
  corsOrigins: (string | RegExp)[];
}

/** HOTLINE_CORS_ORIGINS: comma-separated exact origins replacing the loopback default ('null' = file://). */
export const DEFAULT_CORS_ORIGINS: RegExp[] = [/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/, /^null$/];

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const num = (k: string, d: number) => (env[k] ? Number(env[k]) : d);
  return {
    host: env.HOST ?? '127.0.0.1',
    port: num('PORT', 8787),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.HOTLINE_DATA_DIR ?? '.data/server'),
    poolSize: num('DATABASE_POOL_SIZE', 10),
    logLevel: env.LOG_LEVEL ?? 'info',
    tokenSecret: env.HOTLINE_TOKEN_SECRET || undefined,
    accessTokenTtlSec: num('ACCESS_TOKEN_TTL_SEC', 15 * 60),
    refreshTokenTtlSec: num('REFRESH_TOKEN_TTL_SEC', 30 * 24 * 3600),
    loginRateLimit: { max: num('LOGIN_RATE_MAX', 10), timeWindowMs: num('LOGIN_RATE_WINDOW_MS', 60_000) },
    maxAttachmentBytes: num('MAX_ATTACHMENT_BYTES', 20 * 1024 * 1024),
    maxChunkBytes: num('MAX_CHUNK_BYTES', 4 * 1024 * 1024),
    scryptLogN: num('SCRYPT_LOG_N', 15),
    corsOrigins: env.HOTLINE_CORS_ORIGINS ? env.HOTLINE_CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean) : DEFAULT_CORS_ORIGINS,
  };
}
