import { useI18n, type I18n } from '../../i18n/i18n';
import { placeText, vocabularyOf } from '../../lib/format';
import type { SearchState } from '../../state/search-state';

/** "Nachhilfe · Landkreis Regen · 2 Filter": the text, the place, and how many filters besides. */
export function searchSummary(i18n: I18n, state: SearchState): string {
  const f = state.filters;
  const parts: string[] = [];
  if (f.q) parts.push(f.q);
  const place = placeText(state);
  if (place) parts.push(place);
  else if (f.bbox) parts.push(i18n.t('chipArea'));
  let count = (f.age !== undefined ? 1 : 0) + (f.but ? 1 : 0);
  for (const filter of Object.keys(vocabularyOf) as (keyof typeof vocabularyOf)[]) count += f[filter]?.length ?? 0;
  if (count > 0) parts.push(count === 1 ? i18n.t('summaryFiltersOne') : i18n.t('summaryFilters', { count }));
  return parts.join(' · ');
}

interface Props {
  state: SearchState;
  expanded: boolean;
  onToggle(): void;
}

/** On phones after a search: the whole form folded into one line that opens it again. */
export function CompactBar({ state, expanded, onToggle }: Props) {
  const i18n = useI18n();
  return (
    <button type="button" id="compact-bar" class="compact-bar" aria-expanded={expanded} aria-controls="search-form" onClick={onToggle}>
      <svg class="compact-icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="8" cy="8" r="5.5" />
        <path d="M12 12l6 6" />
      </svg>
      <span class="visually-hidden">{i18n.t('editSearch')}: </span>
      <span class="compact-summary">{searchSummary(i18n, state)}</span>
    </button>
  );
}
