import type { ComponentChildren } from 'preact';
import type { OfferingHit } from '../../../../schema';
import { useI18n } from '../../i18n/i18n';
import type { SearchResult } from '../../state/use-search';
import { OfferingCard } from '../offering-card/offering-card';

interface Props {
  result: SearchResult;
  hrefOf(hit: OfferingHit): string;
  open(hit: OfferingHit, event: MouseEvent): void;
  /** Shown instead of the general hint when nothing was found (the broader searches, when there are some). */
  noResults?: ComponentChildren;
}

/** The number of results, announced to screen readers; shown above list and map alike. */
export function ResultCount({ total }: { total: number | undefined }) {
  const i18n = useI18n();
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
  return (
    <section class="results" aria-labelledby="results-heading" aria-busy={result.loading}>
      <h2 id="results-heading" class="visually-hidden">{i18n.t('results')}</h2>
      {result.error && (
        <div class="error" role="alert">
          <p>{i18n.t('error', { message: result.error })}</p>
          <button type="button" class="secondary" onClick={result.retry}>{i18n.t('retry')}</button>
        </div>
      )}
      {total === 0 && (noResults ?? <NoResultsHint />)}
      <ol id="results" class="result-list" aria-label={i18n.t('results')} tabIndex={-1}>
        {result.hits.map((hit) => (
          <li key={hit.id}>
            <OfferingCard hit={hit} href={hrefOf(hit)} onOpen={(e) => open(hit, e)} />
          </li>
        ))}
      </ol>
      {total !== undefined && result.hits.length < total && (
        <button type="button" class="secondary load-more" disabled={result.loading} onClick={result.loadMore}>
          {i18n.t('loadMore')}
        </button>
      )}
    </section>
  );
}
