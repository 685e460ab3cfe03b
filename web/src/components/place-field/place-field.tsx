import type { RegionMatch } from '../../../../schema';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useCombobox } from '../../lib/use-combobox';

interface Props {
  value: string;
  onInput(text: string): void;
  onPick(match: RegionMatch): void;
}

/**
 * The place field: a combobox suggesting postcodes and places from the offline region lookup.
 * Arrow keys move through the suggestions, Enter picks one, Escape closes the list.
 */
export function PlaceField({ value, onInput, onPick }: Props) {
  const i18n = useI18n();
  const box = useCombobox({ id: 'place', text: value, onInput, load: api.regions, delay: 150, onPick, showEmpty: true });

  return (
    <div class="field place-field">
      <label for="place">{i18n.t('place')}</label>
      <input id="place" type="text" placeholder={i18n.t('placePlaceholder')} value={value} maxLength={100} {...box.input} />
      <ul id={box.listId} role="listbox" aria-label={i18n.t('placeSuggestions')} class="suggestions" hidden={!box.expanded}>
        {box.items.length === 0 ? (
          <li class="suggestion-empty" role="presentation">{i18n.t('noPlaceFound')}</li>
        ) : (
          box.items.map((s, i) => (
            <li key={`${s.key}-${s.postcode ?? ''}`} {...box.option(i)}>
              <span>{s.name}</span> <span class="suggestion-type">{s.type}</span>
            </li>
          ))
        )}
      </ul>
    </div>
  );
}
