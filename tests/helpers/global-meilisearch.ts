import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startMeilisearch } from '../../server/search/meili-process';

declare module 'vitest' {
  export interface ProvidedContext {
    meiliUrl: string;
    meiliKey: string;
  }
}

/** One real Meilisearch for the whole run, on a free port with a throw-away data dir. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'blk-test-meili-'));
  const log = { info: () => {}, warn: (m: string) => console.warn(m), debug: () => {} };
  const meili = await startMeilisearch(dir, log);
  project.provide('meiliUrl', meili.url);
  project.provide('meiliKey', meili.masterKey);
  return async () => {
    await meili.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
