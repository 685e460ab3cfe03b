import type { Db } from '../db/connection';
import { publishedOfferingsAfter } from '../repos/offerings-repo';
import { entriesAfter, maxOutboxSeq, minOutboxSeq, publishedForIndex } from '../repos/outbox-repo';
import { writeNowOrLater } from './outbox-lease';
import { toSearchDocument, type IndexableOffering } from './documents';
import type { QueryTerm } from './query-words';
import { synonymsSetting } from './synonyms';

// The texts of the published offerings in SQLite's full-text index (FTS5), for answering searches while
// Meilisearch is away (degraded search). Every offering's row holds the searchable fields of its search
// document — the words as written and their search tokens, compound parts, attribute words — so a query's
// tokens (query-words.ts) find the same offerings here as in Meilisearch, short of typo tolerance.
//
// The index lives in the database file, so it survives restarts: it records up to which outbox entry it
// follows SQLite, and a start catches up from there (catchUp) instead of writing 100,000 rows again. The
// table is contentless (FTS5 `content=''`, with `contentless_delete`): only the search structure is stored,
// not a second copy of every text, which would more than double the database.

/** Bump when `rowText` changes what it writes: an index built with another format is rebuilt. */
export const TEXT_INDEX_FORMAT = 2;
/** Bump when the table's definition changes: the table is then dropped and made anew. */
const TABLE_DEFINITION = 'contentless-1';
const CREATE_TABLE =
  "CREATE VIRTUAL TABLE offering_text USING fts5(body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2')";
/** Offerings written per turn of the event loop: ~40 ms of work, so requests meanwhile wait little. */
const BATCH = 250;
/** Above this many changed offerings since the last run, a rebuild in the background beats a catch-up at start. */
export const CATCH_UP_AT_MOST = 5000;

const searchableFields = [
  'title', 'titleTokens', 'categoryLabels', 'categoryTokens', 'compoundParts', 'partTokens', 'providerName',
  'description', 'descriptionTokens', 'attributeTerms', 'attributeTokens', 'city', 'placeTokens', 'postcode',
] as const;

/** The text of one offering's row: its searchable fields, joined. */
export function rowText(offering: IndexableOffering): string {
  const document = toSearchDocument(offering);
  return searchableFields
    .map((field) => {
      const value = document[field];
      return Array.isArray(value) ? value.join(' ') : String(value);
    })
    .join(' ');
}

/** A string as an FTS5 phrase: quoted, inner quotes doubled, so no query text is ever FTS5 syntax. */
function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

const synonyms = synonymsSetting();

/**
 * The FTS5 query for terms that must all match: each term as its token (a word start when marked as
 * prefix) or any of its synonyms, as Meilisearch's synonyms setting would.
 */
export function matchExpression(terms: readonly QueryTerm[]): string {
  return terms
    .map((term) => {
      const own = term.prefix ? `${phrase(term.token)}*` : phrase(term.token);
      const alternatives = synonyms[term.token] ?? [];
      return alternatives.length === 0 ? own : `(${[own, ...alternatives.map(phrase)].join(' OR ')})`;
    })
    .join(' AND ');
}

export class TextIndex {
  /** Changes whenever rows are written, so matches kept by callers are not reused after a change. */
  version = 0;

  constructor(private readonly db: Db) {
    const sqlite = db.$client;
    sqlite.exec('CREATE TABLE IF NOT EXISTS offering_text_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    if (this.meta('table') !== TABLE_DEFINITION) {
      sqlite.transaction(() => {
        sqlite.exec(`DROP TABLE IF EXISTS offering_text; DELETE FROM offering_text_meta; ${CREATE_TABLE}`);
        this.setMeta('table', TABLE_DEFINITION);
      })();
    }
  }

  private meta(key: string): string | undefined {
    const row = this.db.$client.prepare('SELECT value FROM offering_text_meta WHERE key = ?').get(key) as
      | { value: string }
      | undefined;
    return row?.value;
  }

  private setMeta(key: string, value: string | number): void {
    this.db.$client.prepare('INSERT OR REPLACE INTO offering_text_meta (key, value) VALUES (?, ?)').run(key, String(value));
  }

  /**
   * Whether the rows were written in the current format by a complete rebuild (else `rebuild` is due). Read
   * from the database each time: another process sharing it may have started a rebuild meanwhile.
   */
  get current(): boolean {
    return this.meta('format') === String(TEXT_INDEX_FORMAT);
  }

  /**
   * Runs a write once SQLite's write lock is free, asking again every 100 ms instead of waiting for it: a CSV
   * import holding it would otherwise stop the event loop. False when `stopped` ended the wait.
   */
  private async politely(write: () => unknown, stopped: () => boolean): Promise<boolean> {
    while (writeNowOrLater(this.db, () => (write(), true)) === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (stopped()) return false;
    }
    return true;
  }

  /**
   * Writes every published offering anew, a batch per turn of the event loop, so a server answering
   * requests meanwhile is held up for one batch at most. `stopped` ends it early (then it answers false).
   */
  async rebuild(stopped: () => boolean = () => false): Promise<boolean> {
    const sqlite = this.db.$client;
    // Outbox entries after this one change offerings the rebuild may already have passed: they are
    // applied as they come (apply) and, after a restart, caught up from here.
    const followedFrom = maxOutboxSeq(this.db);
    // Dropped and made anew rather than emptied: deleting 100,000 rows of a contentless table takes ~0.5 s,
    // the whole time on the event loop; dropping it ~25 ms.
    const clear = sqlite.transaction(() => {
      sqlite.exec(`DELETE FROM offering_text_meta WHERE key IN ('format', 'seq'); DROP TABLE offering_text; ${CREATE_TABLE}`);
      this.version++;
    });
    if (!(await this.politely(clear, stopped))) return false;
    const insert = sqlite.prepare('INSERT INTO offering_text (rowid, body) VALUES (?, ?)');
    // A row `apply` wrote meanwhile (the outbox goes on during a rebuild) is replaced, not duplicated.
    const remove = sqlite.prepare('DELETE FROM offering_text WHERE rowid = ?');
    let afterId = 0;
    for (;;) {
      const rows = publishedOfferingsAfter(this.db, afterId, BATCH);
      if (rows.length === 0) break;
      afterId = rows[rows.length - 1]!.offering.id;
      const texts = rows.map((r) => [r.offering.id, rowText({ offering: r.offering, providerName: r.provider.name, providerKind: r.provider.kind, location: r.location })] as const);
      const write = sqlite.transaction(() => {
        for (const [id, body] of texts) {
          remove.run(id);
          insert.run(id, body);
        }
        this.version++;
      });
      if (!(await this.politely(write, stopped))) return false;
      await new Promise((resolve) => setImmediate(resolve));
      if (stopped()) return false;
    }
    const complete = sqlite.transaction(() => {
      this.setMeta('format', TEXT_INDEX_FORMAT);
      this.setMeta('seq', followedFrom);
    });
    return this.politely(complete, stopped);
  }

  /**
   * Brings these offerings' rows up to date: rewritten when published, removed otherwise. With `seq`, every
   * outbox entry up to it is now reflected (where a later start catches up from).
   */
  apply(ids: readonly number[], seq?: number): void {
    const sqlite = this.db.$client;
    const remove = sqlite.prepare('DELETE FROM offering_text WHERE rowid = ?');
    const insert = sqlite.prepare('INSERT INTO offering_text (rowid, body) VALUES (?, ?)');
    sqlite.transaction(() => {
      if (ids.length > 0) this.version++;
      for (const id of ids) remove.run(id);
      if (ids.length > 0) for (const row of publishedForIndex(this.db, ids)) insert.run(row.offering.id, rowText(row));
      if (seq !== undefined && this.current) this.setMeta('seq', seq);
    })();
  }

  /**
   * After a start: applies the outbox entries written since the index last followed it, and answers whether
   * the index now holds exactly the published offerings. False means a rebuild is due: an older format, an
   * interrupted rebuild, entries pruned or too many to apply at once, or a database changed behind the
   * outbox's back (the published offerings differ in number or ids), or another connection holding the
   * write lock just now (the rebuild waits for it politely).
   */
  catchUp(): boolean {
    const sqlite = this.db.$client;
    // One write transaction from the first read on: nothing another connection commits meanwhile can make
    // the entries applied and the published offerings compared disagree.
    const caughtUp = sqlite.transaction(() => {
      const seq = Number(this.meta('seq'));
      if (!this.current || !Number.isInteger(seq)) return false;
      const last = maxOutboxSeq(this.db);
      const first = minOutboxSeq(this.db);
      // An outbox behind the index is another database; one starting after it has pruned entries not seen.
      if (last < seq || (first !== null && first > seq + 1)) return false;
      const changed = new Set(entriesAfter(this.db, seq).map((e) => e.offeringId));
      if (changed.size > CATCH_UP_AT_MOST) return false;
      this.apply([...changed], last);
      return this.holdsPublished();
    });
    return writeNowOrLater(this.db, () => caughtUp.immediate()) ?? false;
  }

  /**
   * Whether the rows are the published offerings: the same number, and the same ids (by their sum). A
   * consistency check, not a comparison of texts: a text changed without an outbox entry goes unnoticed.
   */
  holdsPublished(): boolean {
    const sqlite = this.db.$client;
    // The docsize shadow table has one row per indexed offering; it is read like any table.
    const rows = sqlite.prepare('SELECT count(*) AS n, total(id) AS sum FROM offering_text_docsize').get() as { n: number; sum: number };
    const published = sqlite
      .prepare("SELECT count(*) AS n, total(id) AS sum FROM offerings WHERE status = 'published'")
      .get() as { n: number; sum: number };
    return rows.n === published.n && rows.sum === published.sum;
  }

  /** Ids of the offerings containing every term, best match first (FTS5's bm25). */
  match(terms: readonly QueryTerm[]): number[] {
    if (terms.length === 0) return [];
    const rows = this.db.$client
      .prepare('SELECT rowid AS id FROM offering_text WHERE offering_text MATCH ? ORDER BY bm25(offering_text)')
      .all(matchExpression(terms)) as { id: number }[];
    return rows.map((r) => r.id);
  }
}
