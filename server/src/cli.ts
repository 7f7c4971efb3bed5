import { parseArgs } from 'node:util';
import { configFromEnv, type ServerConfig } from './config';
import { migrate, openDb, type Db } from './db/index';
import { buildApp } from './app';
import { createOffice, createUser, findOffice } from './auth/accounts';
import { UserRoleSchema } from '../../shared/sync/index';
import { HttpError } from './errors';
import { BILLING_USAGE, billingCli } from './billing/cli';

const USAGE = `Hotline Office server

  npm run server                              start (PGlite in ./.data/server, or PostgreSQL if DATABASE_URL is set)
  npm run server -- create-office --name 北京营业厅 --prefix BJ
  npm run server -- create-user --office BJ --username li --role clerk --password '…' [--display-name 李四]
  npm run server -- migrate                   apply migrations and exit
${BILLING_USAGE}

Environment: DATABASE_URL, HOTLINE_DATA_DIR, HOST (127.0.0.1), PORT (8787), LOG_LEVEL, HOTLINE_TOKEN_SECRET`;

async function withDb<T>(config: ServerConfig, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function serve(config: ServerConfig) {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize });
  const { applied } = await migrate(db);
  const app = await buildApp({ db, config });
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  // Requests in flight, counted here so the database is closed only after the last one answered.
  let inFlight = 0;
  app.addHook('onRequest', async () => {
    inFlight++;
  });
  app.addHook('onResponse', async () => {
    inFlight--;
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal, inFlight }, 'shutting down: no new connections, finishing requests in flight');
    try {
      // Stops accepting, answers 503 to new requests on kept-alive sockets, waits for the rest.
      await app.close();
      while (inFlight > 0) await new Promise((r) => setTimeout(r, 20));
      await db.close();
      app.log.info('closed');
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ host: config.host, port: config.port });
  app.log.info({ storage: db.kind, dataDir: db.kind === 'pglite' ? config.dataDir : undefined }, 'ready');
}

async function main(argv: string[]) {
  const config = configFromEnv();
  const [command, ...rest] = argv;
  if (command === 'run-billing' || command === 'run-collections') return withDb(config, (db) => billingCli(db, command, rest));
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      prefix: { type: 'string' },
      office: { type: 'string', multiple: true },
      username: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      'display-name': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help || command === 'help') {
    console.log(USAGE);
    return;
  }
  switch (command) {
    case undefined:
    case 'serve':
      return serve(config);
    case 'migrate':
      return withDb(config, async (db) => console.log(JSON.stringify(await migrate(db))));
    case 'create-office':
      if (!values.name || !values.prefix) throw new Error('create-office needs --name and --prefix');
      return withDb(config, async (db) => console.log(JSON.stringify(await createOffice(db, { name: values.name!, prefix: values.prefix! }))));
    case 'create-user': {
      const role = UserRoleSchema.safeParse(values.role);
      if (!values.username || !values.password || !values.office?.length || !role.success) {
        throw new Error('create-user needs --office (id or prefix, repeatable) --username --role (admin|manager|clerk|field_agent) --password');
      }
      return withDb(config, async (db) => {
        const officeIds: string[] = [];
        for (const o of values.office!) {
          const office = await findOffice(db, o);
          if (!office) throw new Error(`office ${o} not found`);
          officeIds.push(office.id);
        }
        const u = await createUser(db, { username: values.username!, password: values.password!, role: role.data, displayName: values['display-name'], officeIds }, config.scryptLogN);
        console.log(JSON.stringify(u));
      });
    }
    default:
      throw new Error(`unknown command ${command}\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e instanceof HttpError ? `${e.messageEn} (${e.message})` : (e as Error).message);
  process.exit(1);
});
