import { parentPort } from 'node:worker_threads';
import { openDatabase, type Db } from '../db/connection';
import { HttpError } from '../plugins/errors';
import type { Actor } from './actor';
import { importOfferings, type ImportOptions } from './offering-import';

// The thread that runs CSV imports (see import-runner.ts): its own SQLite connection, one import at a time.

export interface ImportJob {
  id: number;
  dbFile: string;
  actor: Actor;
  organisationId: number;
  bytes: Uint8Array;
  options: ImportOptions;
}

export type ImportJobResult =
  | { id: number; ok: true; report: unknown }
  | { id: number; ok: false; error: { statusCode: number; code: string; message: string; details?: unknown } | { internal: string } };

const connections = new Map<string, Db>();

function connection(file: string): Db {
  let db = connections.get(file);
  if (!db) {
    db = openDatabase(file);
    connections.set(file, db);
  }
  return db;
}

parentPort?.on('message', (job: ImportJob) => {
  let result: ImportJobResult;
  try {
    const report = importOfferings(connection(job.dbFile), job.actor, job.organisationId, Buffer.from(job.bytes), job.options);
    result = { id: job.id, ok: true, report };
  } catch (error) {
    result = error instanceof HttpError
      ? { id: job.id, ok: false, error: { statusCode: error.statusCode, code: error.code, message: error.message, details: error.details } }
      : { id: job.id, ok: false, error: { internal: (error as Error).stack ?? String(error) } };
  }
  parentPort!.postMessage(result);
});
