import type { OfferingsResponse, SearchAlternative } from '../../../../schema';
import { guidanceText } from '../../i18n/guidance-messages';
import { useI18n, type I18n } from '../../i18n/i18n';
import { vocabularyOf } from '../../lib/format';
import type { SearchState } from '../../state/search-state';
import { applyAlternative, applyChip } from './guidance-changes';
import './search-guidance.css';

// What the search said about the query beyond its hits, and how it was answered. Loaded after the first paint
// (see lazy-guidance.tsx).

interface Props {
  response: OfferingsResponse;
  state: SearchState;
  update(next: SearchState): void;
}

/** The tapped button goes away with the new results: keep the keyboard where the results begin. */
function focusResults(): void {
  document.getElementById('results')?.focus({ preventScroll: true });
}

function filterName(i18n: I18n, state: SearchState, name: string, value: string | undefined): string {
  if (name in vocabularyOf) {
    const vocabulary = vocabularyOf[name as keyof typeof vocabularyOf];
    return value ? i18n.term(vocabulary, value) : (state.filters[name as keyof typeof vocabularyOf] ?? []).map((id) => i18n.term(vocabulary, id)).join(', ');
  }
  if (name === 'age' && state.filters.age !== undefined) return i18n.t('chipAge', { age: state.filters.age });
  if (name === 'but') return i18n.t('butEligible');
  if ((name === 'region' || name === 'near') && state.place) return state.place;
  return name;
}

function alternativeText(i18n: I18n, state: SearchState, alternative: SearchAlternative): string {
  const t = guidanceText(i18n);
  switch (alternative.kind) {
    case 'spelling':
      return t('altSpelling', { q: alternative.q ?? '' });
    case 'without_place':
      return t('altWithoutPlace');
    case 'wider_radius':
      return t('altWiderRadius', { km: alternative.radius ?? 0 });
    case 'without_filter': {
      const names = (alternative.drop ?? []).filter((name) => name !== 'radius');
      return t('altWithoutFilter', { label: names.map((name) => filterName(i18n, state, name, alternative.value)).join(', ') });
    }
    case 'without_words':
      return t('altWithoutWords');
  }
}

/** Chips for the filters read from the words, and the note when only some words matched. */
export function QueryGuidance({ response, state, update }: Props) {
  const i18n = useI18n();
  const t = guidanceText(i18n);
  const { chips, relaxed } = response;
  return (
    <>
      {chips.length > 0 && (
        <div class="query-chips" role="group" aria-labelledby="query-chips-label">
          <span id="query-chips-label">{t('queryChips')}</span>
          <ul>
            {chips.map((chip) => (
              <li key={`${chip.kind}-${chip.text}`}>
                <button
                  type="button"
                  class="chip suggested"
                  aria-label={t('applyChip', { label: chip.label[i18n.lang] })}
                  onClick={() => {
                    update(applyChip(state, chip));
                    focusResults();
                  }}
                >
                  <span aria-hidden="true">+ </span>
                  {chip.label[i18n.lang]}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {relaxed && relaxed.matched.length > 0 && (
        <p class="notice relaxed">
          {t('relaxed', { words: relaxed.matched.join(' ') })}
          {relaxed.dropped.length > 0 && ` ${t('relaxedDropped', { words: relaxed.dropped.join(', ') })}`}
        </p>
      )}
    </>
  );
}

/** Broader searches that do find something, when this one found nothing; each one tap away. */
export function Alternatives({ response, state, update }: Props) {
  const i18n = useI18n();
  const alternatives = response.alternatives ?? [];
  if (response.total > 0 || alternatives.length === 0) return null;
  return (
    <div class="alternatives">
      <p id="alternatives-label">{guidanceText(i18n)('alternatives')}</p>
      <ul aria-labelledby="alternatives-label">
        {alternatives.map((alternative, i) => (
          <li key={`${alternative.kind}-${i}`}>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                update(applyAlternative(state, alternative));
                focusResults();
              }}
            >
              {alternativeText(i18n, state, alternative)}{' '}
              <span class="count" aria-hidden="true">({i18n.formatNumber(alternative.total)})</span>
              <span class="visually-hidden">
                ({alternative.total === 1 ? i18n.t('offeringsCountOne') : i18n.t('offeringsCount', { count: alternative.total })})
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The search answered from the server's own data while its search engine is away (`degraded`). A status, not
 * an error: the results are real and every filter holds, only typo tolerance and the usual order are missing.
 */
export function DegradedNote() {
  return (
    <p role="status" class="degraded-note">
      {guidanceText(useI18n())('degraded')}
    </p>
  );
}

/** The parts lazy-guidance.tsx renders, by name. */
export const parts = { query: QueryGuidance, alternatives: Alternatives, degraded: DegradedNote };
