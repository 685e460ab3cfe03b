import { describe, expect, it } from 'vitest';
import { MeiliAvailability, PROBE_EVERY_MS } from '../../server/search/meili-availability';

// The gate in front of Meilisearch: after a failure searches go to the server's own data without waiting for
// Meilisearch, and a health check — one at a time, at most one per PROBE_EVERY_MS — lets them back.

function gate() {
  let now = 10_000;
  const checks: ((ok: boolean) => void)[] = [];
  const availability = new MeiliAvailability(() => new Promise<boolean>((resolve) => checks.push(resolve)), () => now);
  return { availability, checks, advance: (ms: number) => (now += ms) };
}
const settle = () => new Promise((r) => setImmediate(r));

describe('MeiliAvailability', () => {
  it('asks Meilisearch until it is found away', () => {
    const { availability, checks } = gate();
    expect(availability.worthAsking()).toBe(true);
    expect(checks).toHaveLength(0);
  });

  it('skips Meilisearch once away, and checks its health only after a pause, one check at a time', async () => {
    const { availability, checks, advance } = gate();
    availability.markAway();
    expect(availability.worthAsking()).toBe(false);
    expect(checks).toHaveLength(0);
    advance(PROBE_EVERY_MS);
    expect(availability.worthAsking()).toBe(false);
    expect(availability.worthAsking()).toBe(false);
    expect(checks).toHaveLength(1);
    advance(PROBE_EVERY_MS * 5);
    expect(availability.worthAsking()).toBe(false);
    expect(checks).toHaveLength(1);

    checks[0]!(false);
    await settle();
    expect(availability.isAway).toBe(true);
    expect(availability.worthAsking()).toBe(false);
    expect(checks).toHaveLength(1);
    advance(PROBE_EVERY_MS);
    expect(availability.worthAsking()).toBe(false);
    expect(checks).toHaveLength(2);
    checks[1]!(true);
    await settle();
    expect(availability.worthAsking()).toBe(true);
    expect(availability.isAway).toBe(false);
  });

  it('is back as soon as a request to Meilisearch answered', () => {
    const { availability } = gate();
    availability.markAway();
    availability.markBack();
    expect(availability.worthAsking()).toBe(true);
  });
});
