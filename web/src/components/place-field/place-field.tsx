import { useEffect, useRef, useState } from 'preact/hooks';
import type { RegionMatch } from '../../../../schema';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

interface Props {
  value: string;
  onInput(text: string): void;
  onPick(match: RegionMatch): void;
}

/**
 * The place field: a combobox (WAI-ARIA 1.2 pattern) suggesting postcodes and places from the offline
 * region lookup. Arrow keys move through the suggestions, Enter picks one, Escape closes the list.
 */
export function PlaceField({ value, onInput, onPick }: Props) {
  const i18n = useI18n();
  const [suggestions, setSuggestions] = useState<RegionMatch[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useRef(false);

  useEffect(() => {
    const text = value.trim();
    if (!typed.current || text.length < 2) {
      setSuggestions([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.regions(text, controller.signal).then(
        (found) => {
          setSuggestions(found);
          setActive(-1);
          setOpen(true);
        },
        () => setSuggestions([]),
      );
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [value]);

  const pick = (match: RegionMatch) => {
    typed.current = false;
    setOpen(false);
    setSuggestions([]);
    onPick(match);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!open || suggestions.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      pick(suggestions[active]!);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const expanded = open && value.trim().length >= 2;
  return (
    <div class="field place-field">
      <label for="place">{i18n.t('place')}</label>
      <input
        id="place"
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls="place-suggestions"
        aria-activedescendant={expanded && active >= 0 ? `place-option-${active}` : undefined}
        placeholder={i18n.t('placePlaceholder')}
        value={value}
        maxLength={100}
        onInput={(e) => {
          typed.current = true;
          onInput(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id="place-suggestions" role="listbox" aria-label={i18n.t('placeSuggestions')} class="suggestions" hidden={!expanded}>
        {suggestions.length === 0 ? (
          <li class="suggestion-empty" role="presentation">{i18n.t('noPlaceFound')}</li>
        ) : (
          suggestions.map((s, i) => (
            <li
              key={`${s.key}-${s.postcode ?? ''}`}
              id={`place-option-${i}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'suggestion active' : 'suggestion'}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(s);
              }}
            >
              <span>{s.name}</span> <span class="suggestion-type">{s.type}</span>
            </li>
          ))
        )}
      </ul>
    </div>
  );
}
