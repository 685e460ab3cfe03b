import type { Suggestion } from '../../../../schema';
import { useI18n } from '../../i18n/i18n';
import { placeLabel } from '../../lib/format';
import { applyPlace } from '../../state/place-change';
import type { SearchState } from '../../state/search-state';

// Loaded with import() on the first focus of the search field: nobody who does not type needs it.
export { fetchSuggestions } from '../../api/suggest';

/**
 * The search a picked suggestion stands for. A category or place replaces the typed letters (they only led
 * to it); a title becomes the search text.
 */
export function applySuggestion(state: SearchState, suggestion: Suggestion): SearchState {
  const { q: _typed, ...filters } = state.filters;
  switch (suggestion.kind) {
    case 'category': {
      const category = filters.category?.includes(suggestion.id) ? filters.category : [...(filters.category ?? []), suggestion.id];
      return { ...state, filters: { ...filters, category } };
    }
    case 'place':
      return applyPlace({ ...state, filters }, suggestion.place);
    case 'title':
      return { ...state, filters: { ...filters, q: suggestion.text } };
  }
}

/** One option's text: what it is, and in small print what kind of thing (or how many offerings). */
export function SuggestionLabel({ suggestion }: { suggestion: Suggestion }) {
  const i18n = useI18n();
  const [text, kind] =
    suggestion.kind === 'category'
      ? [suggestion.label[i18n.lang], i18n.t('suggestCategory')]
      : suggestion.kind === 'place'
        ? [placeLabel(suggestion.place), suggestion.place.type]
        : [suggestion.text, suggestion.count === 1 ? i18n.t('offeringsCountOne') : i18n.t('offeringsCount', { count: suggestion.count })];
  return (
    <>
      <span>{text}</span> <span class="suggestion-type">{kind}</span>
    </>
  );
}
