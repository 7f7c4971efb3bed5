import type { Db } from '../db/index';
import type { ServerConfig } from '../config';

/** What route plugins need, passed explicitly (no globals: any number of apps per process). */
export interface RouteDeps {
  db: Db;
  config: ServerConfig;
  secret: string;
}
