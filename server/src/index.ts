// Public face of the server package (used by tests and the benchmark).
export { buildApp } from './app';
export { configFromEnv, type ServerConfig } from './config';
export { openDb, migrate, createScratchDatabase, probePostgres, type Db } from './db/index';
export { createOffice, createUser } from './auth/accounts';
