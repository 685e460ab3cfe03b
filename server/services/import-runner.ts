import { Worker } from 'node:worker_threads';
import type { ImportReport } from '../../schema';
import { HttpError } from '../plugins/errors';
import type { Actor } from './actor';
import type { ImportJob, ImportJobResult } from './import-worker';
import type { ImportOptions } from './offering-import';

// A 5,000-row import takes seconds of CPU (parsing, checking, thousands of inserts). On the server's own
// thread that would hold up every search meanwhile, so imports run in a worker thread with its own SQLite
// connection (WAL: searches and pages keep reading). The transaction is still one: all rows or none.

/**
 * Under tsx (npm start, the tests) the worker's TypeScript entry is loaded through a bootstrap that
 * registers tsx first: a worker thread does not inherit the loader (Node 20 ignores `--import` in a worker's
 * execArgv). Compiled to JavaScript, the worker starts directly.
 */
function newWorker(): Worker {
  const typescript = import.meta.url.endsWith('.ts');
  return new Worker(new URL(typescript ? './import-worker-bootstrap.mjs' : './import-worker.js', import.meta.url));
}

export class ImportRunner {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(r: ImportReport): void; reject(e: unknown): void }>();

  constructor(
    private readonly dbFile: string,
    private readonly log: { error(o: object, msg: string): void },
  ) {}

  private start(): Worker {
    const worker = newWorker();
    worker.on('message', (result: ImportJobResult) => this.settle(result));
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => {
      // After close() the worker is no longer ours and its exit (code 1 from terminate) is expected.
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (code !== 0) this.failAll(new Error(`the import worker exited with code ${code}`));
    });
    // An idle worker must not keep the process alive.
    worker.unref();
    return worker;
  }

  private settle(result: ImportJobResult): void {
    const pending = this.waiting.get(result.id);
    if (!pending) return;
    this.waiting.delete(result.id);
    if (result.ok) pending.resolve(result.report as ImportReport);
    else if ('internal' in result.error) {
      this.log.error({ err: result.error.internal }, 'import failed');
      pending.reject(new Error('import failed'));
    } else {
      const e = result.error;
      pending.reject(new HttpError(e.statusCode, e.code, e.message, e.details));
    }
    if (this.waiting.size === 0) this.worker?.unref();
  }

  private failAll(error: unknown): void {
    this.log.error({ err: error }, 'import worker failed');
    for (const pending of this.waiting.values()) pending.reject(new Error('import failed'));
    this.waiting.clear();
  }

  /** Runs one import in the worker thread (imports queue up there and run one after another). */
  run(actor: Actor, organisationId: number, bytes: Buffer, options: ImportOptions): Promise<ImportReport> {
    this.worker ??= this.start();
    this.worker.ref();
    const job: ImportJob = { id: this.nextId++, dbFile: this.dbFile, actor, organisationId, bytes: new Uint8Array(bytes), options };
    return new Promise((resolve, reject) => {
      this.waiting.set(job.id, { resolve, reject });
      this.worker!.postMessage(job);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    // A running import is abandoned mid-transaction: SQLite rolls it back, nothing half-written remains.
    await worker?.terminate();
  }
}
