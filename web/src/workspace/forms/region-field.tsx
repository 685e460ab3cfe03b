import { useEffect, useRef, useState } from 'preact/hooks';
import type { RegionMatch } from '../../../../schema';
import { api } from '../../api/client';
import { fieldId, type FormApi } from './use-form';
import { RequiredMark, type KeysOf } from './fields';

interface Props<V extends object> {
  form: FormApi<V>;
  /** The form value that receives the chosen region's official key. */
  name: KeysOf<V, string>;
  label: string;
  hint?: string;
  required?: boolean;
  /** What the field shows for the key the form already holds. */
  initialText?: string;
  /** Which matches may be chosen (e.g. municipalities only). */
  accept?(match: RegionMatch): boolean;
  emptyText: string;
  listLabel: string;
  /** Whether typed digits that form an official key prefix (2, 3, 5 or 8 digits) count without picking. */
  acceptTypedKey?: boolean;
}

/**
 * A place picker (WAI-ARIA 1.2 combobox, like the search page's place field) that writes the chosen region's
 * key into a form value: typing clears the key, so only a place picked from the list counts.
 */
export function RegionField<V extends object>(props: Props<V>) {
  const { form, name, label, hint, required, accept = () => true } = props;
  const id = fieldId(name);
  const listId = `${id}-list`;
  const [text, setText] = useState(props.initialText ?? '');
  const [matches, setMatches] = useState<RegionMatch[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useRef(false);
  const error = form.errors[name];
  form.labels.set(name, label);

  useEffect(() => {
    if (props.initialText !== undefined && !typed.current) setText(props.initialText);
  }, [props.initialText]);

  useEffect(() => {
    const query = text.trim();
    if (!typed.current || query.length < 2) {
      setMatches([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.regions(query, controller.signal).then(
        (found) => {
          setMatches(found.filter(accept));
          setActive(-1);
          setOpen(true);
        },
        () => setMatches([]),
      );
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const pick = (match: RegionMatch) => {
    typed.current = false;
    setOpen(false);
    setMatches([]);
    setText(match.postcode ? `${match.postcode} ${match.name}` : `${match.name} (${match.type})`);
    form.set(name, match.key as V[typeof name]);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!open || matches.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + matches.length) % matches.length);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      pick(matches[active]!);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const expanded = open && text.trim().length >= 2;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field ws-region-field">
      <label for={id}>
        {label}
        {required && <RequiredMark />}
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-required={required ? true : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        value={text}
        maxLength={100}
        onInput={(e) => {
          typed.current = true;
          const typedText = e.currentTarget.value;
          setText(typedText);
          const key = props.acceptTypedKey && /^(\d{2}|\d{3}|\d{5}|\d{8})$/.test(typedText.trim()) ? typedText.trim() : '';
          form.set(name, key as V[typeof name]);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id={listId} role="listbox" aria-label={props.listLabel} class="suggestions" hidden={!expanded}>
        {matches.length === 0 ? (
          <li class="suggestion-empty" role="presentation">
            {props.emptyText}
          </li>
        ) : (
          matches.map((m, i) => (
            <li
              key={`${m.key}-${m.postcode ?? ''}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'suggestion active' : 'suggestion'}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(m);
              }}
            >
              <span>{m.postcode ? `${m.postcode} ${m.name}` : m.name}</span> <span class="suggestion-type">{m.type}</span>
            </li>
          ))
        )}
      </ul>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
