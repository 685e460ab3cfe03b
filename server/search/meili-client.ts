import { Pool } from 'undici';

// A small Meilisearch client on undici's keep-alive pool. Node's fetch (which the official JS client uses)
// costs ~48 ms per search on loopback here against ~2 ms for undici.request (see shared/STACK.md), and the
// search path is the API's hot path.

export class MeiliError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface MeiliTask {
  taskUid: number;
}

interface TaskStatus {
  uid: number;
  status: 'enqueued' | 'processing' | 'succeeded' | 'failed' | 'canceled';
  error?: { message: string; code: string } | null;
}

export class MeiliClient {
  private readonly pool: Pool;
  private readonly headers: Record<string, string>;

  constructor(
    readonly url: string,
    apiKey?: string,
  ) {
    this.pool = new Pool(url, { connections: 16, keepAliveTimeout: 30_000, pipelining: 1 });
    this.headers = { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) };
  }

  async request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    let res;
    try {
      res = await this.pool.request({
        method,
        path,
        headers: this.headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        headersTimeout: 30_000,
        bodyTimeout: 120_000,
      });
    } catch (error) {
      throw new MeiliError(`Meilisearch is not reachable at ${this.url}: ${(error as Error).message}`, 503);
    }
    const text = await res.body.text();
    if (res.statusCode >= 400) {
      let message = text;
      let code: string | undefined;
      try {
        const parsed = JSON.parse(text) as { message?: string; code?: string };
        message = parsed.message ?? text;
        code = parsed.code;
      } catch {
        // Not JSON: keep the raw text.
      }
      throw new MeiliError(`Meilisearch ${method} ${path}: ${message}`, res.statusCode, code);
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
    throw new MeiliError(`Meilisearch task ${task.taskUid} did not finish within ${timeoutMs} ms`, 504);
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
    await this.pool.close();
  }
}
