import type { Db } from '../db/connection';
import { publishedOfferingsAfter } from '../repos/offerings-repo';
import { publishedForIndex } from '../repos/outbox-repo';
import { toSearchDocument, type IndexableOffering } from './documents';
import type { QueryTerm } from './query-words';
import { synonymsSetting } from './synonyms';

// The texts of the published offerings in SQLite's full-text index (FTS5), for answering searches while
// Meilisearch is away (degraded search). Every offering's row holds the searchable fields of its search
// document — the words as written and their search tokens, compound parts, attribute words — so a query's
// tokens (query-words.ts) find the same offerings here as in Meilisearch, short of typo tolerance.

/** Bump when `rowText` changes what it writes: an index built with another format is rebuilt. */
export const TEXT_INDEX_FORMAT = 1;
/** Offerings written per turn of the event loop: ~40 ms of work, so requests meanwhile wait little. */
const BATCH = 250;

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
  constructor(private readonly db: Db) {
    const sqlite = db.$client;
    sqlite.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS offering_text USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')",
    );
    sqlite.exec('CREATE TABLE IF NOT EXISTS offering_text_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  }

  /** Whether the rows were written in the current format (else `rebuild` is due). */
  get current(): boolean {
    const row = this.db.$client.prepare("SELECT value FROM offering_text_meta WHERE key = 'format'").get() as
      | { value: string }
      | undefined;
    return row?.value === String(TEXT_INDEX_FORMAT);
  }

  /**
   * Writes every published offering anew, a batch per turn of the event loop, so a server answering
   * requests meanwhile is held up for one batch at most.
   */
  async rebuild(stopped: () => boolean = () => false): Promise<boolean> {
    const sqlite = this.db.$client;
    sqlite.exec("DELETE FROM offering_text; DELETE FROM offering_text_meta WHERE key = 'format'");
    const insert = sqlite.prepare('INSERT INTO offering_text (rowid, body) VALUES (?, ?)');
    // A row `apply` wrote meanwhile (the outbox goes on during a rebuild) is replaced, not duplicated.
    const remove = sqlite.prepare('DELETE FROM offering_text WHERE rowid = ?');
    let afterId = 0;
    for (;;) {
      const rows = publishedOfferingsAfter(this.db, afterId, BATCH);
      if (rows.length === 0) break;
      afterId = rows[rows.length - 1]!.offering.id;
      sqlite.transaction(() => {
        for (const r of rows) {
          remove.run(r.offering.id);
          insert.run(r.offering.id, rowText({ offering: r.offering, providerName: r.provider.name, providerKind: r.provider.kind, location: r.location }));
        }
      })();
      await new Promise((resolve) => setImmediate(resolve));
      if (stopped()) return false;
    }
    sqlite.prepare("INSERT OR REPLACE INTO offering_text_meta (key, value) VALUES ('format', ?)").run(String(TEXT_INDEX_FORMAT));
    return true;
  }

  /** Brings these offerings' rows up to date: rewritten when published, removed otherwise. */
  apply(ids: readonly number[]): void {
    if (ids.length === 0) return;
    const sqlite = this.db.$client;
    const remove = sqlite.prepare('DELETE FROM offering_text WHERE rowid = ?');
    const insert = sqlite.prepare('INSERT INTO offering_text (rowid, body) VALUES (?, ?)');
    sqlite.transaction(() => {
      for (const id of ids) remove.run(id);
      for (const row of publishedForIndex(this.db, ids)) insert.run(row.offering.id, rowText(row));
    })();
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
