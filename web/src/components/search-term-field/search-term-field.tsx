import type { Suggestion } from '../../../../schema';
import { useI18n } from '../../i18n/i18n';
import { lazyModule } from '../../lib/lazy-module';
import { useCombobox } from '../../lib/use-combobox';
import type { SearchState } from '../../state/search-state';

const suggestions = lazyModule(() => import('./suggestions'));
const preload = () => void suggestions.load().catch(() => undefined);

interface Props {
  value: string;
  onInput(text: string): void;
  state: SearchState;
  /** A suggestion was picked: search what it stands for. */
  onSearch(next: SearchState): void;
}

/**
 * The search text field, a combobox (same pattern as the place field) suggesting categories, places and
 * titles from GET /api/suggest while the user types. The suggestion code loads on the first focus.
 */
export function SearchTermField({ value, onInput, state, onSearch }: Props) {
  const i18n = useI18n();
  const box = useCombobox<Suggestion>({
    id: 'q',
    text: value,
    onInput,
    load: async (text, signal) => (await suggestions.load()).fetchSuggestions(text, signal),
    delay: 120,
    // Suggestions exist only once the module has loaded: it fetched them.
    onPick: (suggestion) => onSearch(suggestions.current!.applySuggestion(state, suggestion)),
    showEmpty: false,
  });
  const Label = suggestions.current?.SuggestionLabel;

  return (
    <div class="field search-term">
      <label for="q">{i18n.t('searchTerm')}</label>
      {/* ARIA in HTML allows role=combobox on type=search (axe agrees); Preact's types want a list attribute. */}
      <input
        id="q"
        type="search"
        value={value}
        maxLength={200}
        placeholder={i18n.t('searchTermPlaceholder')}
        {...(box.input as object)}
        // After the spread, which has an onFocus of its own.
        onFocus={() => {
          box.input.onFocus();
          preload();
        }}
      />
      <ul id={box.listId} role="listbox" aria-label={i18n.t('termSuggestions')} class="suggestions" hidden={!box.expanded}>
        {Label &&
          box.items.map((suggestion, i) => (
            <li key={`${suggestion.kind}-${i}`} {...box.option(i)}>
              <Label suggestion={suggestion} />
            </li>
          ))}
      </ul>
    </div>
  );
}
