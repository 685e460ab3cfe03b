import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig, publicUrl, type Config } from './config';
import { demoAccountsFile, demoAccountsNotice } from '../seed/demo-accounts';
import { prepareDirectory } from '../seed/prepare';

// The entry point of `npm start`: configuration, data, search index, then listen; and a clean shutdown
// (the bundled Meilisearch child included) on Ctrl-C or SIGTERM.

async function start(config: Config): Promise<void> {
  // The handlers come before the app is built: a signal while Meilisearch is starting must still stop it
  // (a process ended by a signal runs no 'exit' listeners, so the child would outlive it).
  let app: FastifyInstance | undefined;
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    const forced = setTimeout(() => process.exit(1), 15_000);
    forced.unref();
    if (!app) return; // buildApp is still running: start() closes the app as soon as it is built.
    app.log.info(`${signal} received, shutting down`);
    // close() stops accepting connections and waits for the requests under way, then runs the onClose
    // hooks: the outbox worker, then the search client and Meilisearch, then the database.
    // Node's server.close() ends the keep-alive connections idle at that moment; one whose request is still
    // running turns idle later and would hold the shutdown for the keep-alive timeout (72 s), past the forced
    // exit. Close each as soon as its answer is out.
    const server = app.server;
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    idle.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app!.log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  app = await buildApp(config);
  if (closing) {
    await app.close().catch(() => undefined);
    process.exit(0);
  }

  try {
    await app.ready();
    const demoFile = demoAccountsFile(config.DATA_DIR);
    const { demoAccounts } = prepareDirectory(app.db, { count: config.SEED_COUNT, seed: config.SEED, demoAccountsFile: demoFile }, app.log);
    let lastLogged = 0;
    const indexOutcome = await app.directory.refresh({
      onProgress: ({ indexed, total }) => {
        if (indexed === total || Date.now() - lastLogged > 2000) {
          lastLogged = Date.now();
          app.log.info(`indexing offerings: ${indexed} / ${total}`);
        }
      },
    });
    if (indexOutcome === 'busy') app.log.info('search index: another process is applying the outbox and keeps the index in sync');
    else if (indexOutcome) app.log.info(`search index rebuilt from SQLite (reason: ${indexOutcome})`);
    await app.listen({ port: config.PORT, host: config.HOST });
    app.log.info(`Bildungslandkarte runs at http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`);
    if (demoAccounts) app.log.info(demoAccountsNotice(demoAccounts, `${publicUrl(config)}/konto/anmelden`));
    else if (existsSync(demoFile)) app.log.info(`Demo accounts: addresses and passwords are in ${demoFile}`);
  } catch (error) {
    app.log.error({ err: error }, 'could not start');
    await app.close().catch(() => undefined);
    process.exit(1);
  }
}

try {
  await start(loadConfig());
} catch (error) {
  // What stops the start (configuration, an unreachable Meilisearch) is the user's to fix: say it plainly.
  console.error(error instanceof ConfigError ? error.message : `Could not start: ${(error as Error).message}`);
  process.exit(1);
}
