import type { ComponentChildren } from 'preact';
import type { OfferingHit } from '../../../../schema';
import { useI18n } from '../../i18n/i18n';
import { moreResults } from '../../state/more-results';
import type { SearchResult } from '../../state/use-search';
import { LoadError } from '../load-error/load-error';
import { OfferingCard } from '../offering-card/offering-card';

interface Props {
  result: SearchResult;
  hrefOf(hit: OfferingHit): string;
  open(hit: OfferingHit, event: MouseEvent): void;
  /** Shown instead of the general hint when nothing was found (the broader searches, when there are some). */
  noResults?: ComponentChildren;
}

/**
 * The number of results, announced to screen readers; shown above list and map alike. When the search itself
 * failed, the error and its retry take its place, so the page never stays on "searching".
 */
export function ResultCount({ result }: { result: SearchResult }) {
  const i18n = useI18n();
  if (result.error && result.answered === null) return <LoadError message={i18n.t('error', { message: result.error })} retry={result.retry} />;
  const total = result.response?.total;
  const status =
    total === undefined
      ? i18n.t('searching')
      : total === 0
        ? i18n.t('resultCountNone')
        : total === 1
          ? i18n.t('resultCountOne')
          : i18n.t('resultCount', { count: total });
  return <p role="status" class="result-count">{status}</p>;
}

/** The general hint when nothing was found. */
export function NoResultsHint() {
  const i18n = useI18n();
  return <p class="hint">{i18n.t('noResultsHint')}</p>;
}

/** The list of results and "load more". */
export function Results({ result, hrefOf, open, noResults }: Props) {
  const i18n = useI18n();
  const total = result.response?.total;
  const more = moreResults(result.response, result.hits.length);
  return (
    <section class="results" aria-labelledby="results-heading" aria-busy={result.loading}>
      <h2 id="results-heading" class="visually-hidden">{i18n.t('results')}</h2>
      {total === 0 && (noResults ?? <NoResultsHint />)}
      <ol id="results" class="result-list" aria-label={i18n.t('results')} tabIndex={-1}>
        {result.hits.map((hit) => (
          <li key={hit.id}>
            <OfferingCard hit={hit} href={hrefOf(hit)} onOpen={(e) => open(hit, e)} />
          </li>
        ))}
      </ol>
      {result.error && result.answered !== null ? (
        <LoadError message={i18n.t('error', { message: result.error })} retry={result.loadMore} />
      ) : more === 'page' && result.answered !== null ? (
        <button type="button" class="secondary load-more" disabled={result.loading} onClick={result.loadMore}>
          {i18n.t('loadMore')}
        </button>
      ) : (
        more === 'limit' && <p class="hint">{i18n.t('pageLimit', { count: result.hits.length })}</p>
      )}
    </section>
  );
}
