import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processAlive } from '../../server/lib/processes';
import { startMeilisearch, type MeiliProcess } from '../../server/search/meili-process';

const dir = mkdtempSync(join(tmpdir(), 'blk-meili-proc-'));
const warnings: string[] = [];
const log = { info: () => {}, warn: (m: string) => warnings.push(m), debug: () => {} };
let meili: MeiliProcess | undefined;

afterAll(async () => {
  await meili?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const childPid = () => Number(readFileSync(join(dir, 'meilisearch.pid'), 'utf8').split(' ')[0]);
async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`)).ok;
  } catch {
    return false;
  }
}

describe('the bundled Meilisearch', () => {
  it('comes back on the same address after it was killed, and stops for good with stop()', async () => {
    meili = await startMeilisearch(dir, log);
    const first = childPid();
    process.kill(first, 'SIGKILL');
    await expect.poll(() => childPid() !== first && processAlive(childPid()), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => healthy(meili!.url), { timeout: 30_000, interval: 200 }).toBe(true);
    expect(warnings.join('\n')).toMatch(/exited unexpectedly/);

    const second = childPid();
    await meili.stop();
    expect(processAlive(second)).toBe(false);
    expect(await healthy(meili.url)).toBe(false);
  }, 90_000);
});
