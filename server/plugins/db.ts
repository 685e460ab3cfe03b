import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { openDatabase, type Db } from '../db/connection';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

/** The SQLite database, migrated to the current schema, closed with the app. */
export const dbPlugin = fp<{ file: string }>(
  async (app: FastifyInstance, { file }) => {
    const db = openDatabase(file);
    app.decorate('db', db);
    app.addHook('onClose', async () => {
      db.$client.close();
    });
  },
  { name: 'db' },
);
