import { Pool } from 'undici';

// A small Meilisearch client on undici's keep-alive pool. Node's fetch (which the official JS client uses)
// costs ~48 ms per search on loopback here against ~2 ms for undici.request (see shared/STACK.md), and the
// search path is the API's hot path.

/** Any failure talking to Meilisearch. `code` is Meilisearch's error code when it answered with one. */
export class MeiliError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * Meilisearch did not answer (refused, reset, timed out) or answered that it is in trouble itself (5xx):
 * nothing is wrong with the request, and the same request may succeed in a moment. Status 503, or 504 for
 * a timeout; `code` stays undefined unless Meilisearch itself sent one.
 */
export class MeiliUnavailableError extends MeiliError {
  constructor(
    message: string,
    readonly reason: 'network' | 'timeout' | 'server',
    status = reason === 'timeout' ? 504 : 503,
    code?: string,
  ) {
    super(message, status, code);
  }
}

/**
 * Meilisearch refused a request (4xx): a bad filter, sort or document — a bug in what this server sent,
 * not an outage. Repeating the request fails the same way.
 */
export class MeiliRequestError extends MeiliError {
  /** The shape of the request body (keys and value types, no values): safe to log. */
  readonly bodyShape: unknown;

  constructor(
    message: string,
    status: number,
    code: string | undefined,
    readonly method: string,
    readonly path: string,
    body: unknown,
    /** Meilisearch's explanation; it may quote values from the request (filter text), so it is not logged. */
    readonly detail: string,
  ) {
    super(message, status, code);
    this.bodyShape = shapeOf(body);
    // Loggers serialise an error's enumerable fields: keep the quoting explanation out of them.
    Object.defineProperty(this, 'detail', { enumerable: false });
  }
}

/** Whether an error means "Meilisearch is away for now" (answer 503, retry, or degrade) rather than a bug. */
export function isUnavailable(error: unknown): error is MeiliUnavailableError {
  return error instanceof MeiliUnavailableError;
}

const MAX_SHAPE_DEPTH = 6;
const MAX_SHAPE_ITEMS = 10;

/**
 * Describes a JSON value by its structure only: `{ queries: [{ q: 'string', filter: 'array(3)' }] }`.
 * Objects keep their keys, arrays of objects their items' shapes, everything else becomes its type (arrays of
 * other things `array(n)`), so user text never reaches a log line.
 */
export function shapeOf(value: unknown, depth = 0): unknown {
  if (typeof value === 'string' && depth === 0) {
    // A body passed already serialised: describe what it contains.
    try {
      return shapeOf(JSON.parse(value), depth);
    } catch {
      return 'string';
    }
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const objects = value.length > 0 && value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
    if (!objects || depth >= MAX_SHAPE_DEPTH) return `array(${value.length})`;
    const items = value.slice(0, MAX_SHAPE_ITEMS).map((v) => shapeOf(v, depth + 1));
    if (value.length > MAX_SHAPE_ITEMS) items.push(`… ${value.length - MAX_SHAPE_ITEMS} more`);
    return items;
  }
  if (typeof value === 'object') {
    if (depth >= MAX_SHAPE_DEPTH) return 'object';
    // Keys JSON.stringify leaves out are not in the request either.
    const sent = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function');
    return Object.fromEntries(sent.map(([k, v]) => [k, shapeOf(v, depth + 1)]));
  }
  return typeof value;
}

export interface MeiliTask {
  taskUid: number;
}

interface TaskStatus {
  uid: number;
  status: 'enqueued' | 'processing' | 'succeeded' | 'failed' | 'canceled';
  error?: { message: string; code: string } | null;
}

export interface MeiliClientOptions {
  /**
   * How long one request may wait for Meilisearch's answer (headers, then each pause in the body) before it
   * fails as unavailable: a hung Meilisearch must not hang the API's requests. Default 10 s.
   */
  timeoutMs?: number;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

export class MeiliClient {
  private pool: Pool;
  private currentUrl: string;
  private readonly headers: Record<string, string>;
  private readonly timeoutMs: number;
  private closed = false;

  constructor(url: string, apiKey?: string, options: MeiliClientOptions = {}) {
    this.currentUrl = url;
    this.pool = MeiliClient.newPool(url);
    this.headers = { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) };
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  private static newPool(url: string): Pool {
    return new Pool(url, { connections: 16, keepAliveTimeout: 30_000, pipelining: 1 });
  }

  get url(): string {
    return this.currentUrl;
  }

  /**
   * Points the client at another address (the supervised Meilisearch came back on a new port). Requests
   * under way finish on the old connections, which are closed afterwards.
   */
  setUrl(url: string): void {
    if (url === this.currentUrl) return;
    this.currentUrl = url;
    if (this.closed) return;
    const old = this.pool;
    this.pool = MeiliClient.newPool(url);
    old.close().catch(() => undefined);
  }

  private unavailable(error: unknown): MeiliUnavailableError {
    const code = (error as { code?: string }).code;
    const timeout = code !== undefined && TIMEOUT_CODES.has(code);
    return new MeiliUnavailableError(
      timeout
        ? `Meilisearch at ${this.currentUrl} did not answer within ${this.timeoutMs} ms`
        : `Meilisearch is not reachable at ${this.currentUrl}: ${(error as Error).message}`,
      timeout ? 'timeout' : 'network',
    );
  }

  async request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    let status: number;
    let text: string;
    try {
      const res = await this.pool.request({
        method,
        path,
        headers: this.headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      });
      status = res.statusCode;
      // Inside the try: a connection reset halfway through the answer is an outage too.
      text = await res.body.text();
    } catch (error) {
      throw this.unavailable(error);
    }
    if (status >= 400) {
      let message = text;
      let code: string | undefined;
      try {
        const parsed = JSON.parse(text) as { message?: string; code?: string };
        message = parsed.message ?? text;
        code = parsed.code;
      } catch {
        // Not JSON: keep the raw text.
      }
      if (status >= 500) {
        throw new MeiliUnavailableError(`Meilisearch ${method} ${path} failed (${status}): ${message}`, 'server', status, code);
      }
      throw new MeiliRequestError(`Meilisearch ${method} ${path}: ${message}`, status, code, method, path, body, message);
    }
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  /** Waits until a task has run; throws if it failed, so callers never continue on a broken index. */
  async waitForTask(task: MeiliTask, timeoutMs = 600_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let delay = 20;
    while (Date.now() < deadline) {
      const status = await this.request<TaskStatus>('GET', `/tasks/${task.taskUid}`);
      if (status.status === 'succeeded') return;
      if (status.status === 'failed' || status.status === 'canceled') {
        throw new MeiliError(`Meilisearch task ${task.taskUid} ${status.status}: ${status.error?.message ?? ''}`, 500, status.error?.code);
      }
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 500);
    }
    throw new MeiliUnavailableError(`Meilisearch task ${task.taskUid} did not finish within ${timeoutMs} ms`, 'timeout');
  }

  async healthy(): Promise<boolean> {
    try {
      const res = await this.request<{ status: string }>('GET', '/health');
      return res.status === 'available';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.pool.close();
  }
}
