// Whether Meilisearch is worth asking. Once a request found it away (refused, timed out, 5xx), searches
// answer from the server's own data without asking it first: each would otherwise wait for the same failure,
// for up to the request timeout when Meilisearch hangs. A health check, at most one at a time and one per
// second, and only while requests come in, finds out when it is back.

/** How often, at most, a health check looks whether Meilisearch is back. */
export const PROBE_EVERY_MS = 1000;

export class MeiliAvailability {
  private away = false;
  private lastProbe = 0;
  private probing = false;

  constructor(
    private readonly healthy: () => Promise<boolean>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether Meilisearch was last found away. */
  get isAway(): boolean {
    return this.away;
  }

  /** Whether to ask Meilisearch now. While it is away, this starts a health check when one is due. */
  worthAsking(): boolean {
    if (!this.away) return true;
    this.probeIfDue();
    return false;
  }

  markAway(): void {
    if (this.away) return;
    this.away = true;
    this.lastProbe = this.now();
  }

  /** A request answered: whatever a health check said, Meilisearch is there. */
  markBack(): void {
    this.away = false;
  }

  private probeIfDue(): void {
    if (this.probing || this.now() - this.lastProbe < PROBE_EVERY_MS) return;
    this.probing = true;
    this.lastProbe = this.now();
    this.healthy()
      .then((ok) => {
        if (ok) this.away = false;
      }, () => undefined)
      .finally(() => {
        this.probing = false;
        this.lastProbe = this.now();
      });
  }
}
