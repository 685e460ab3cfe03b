import { useEffect, useRef, useState } from 'preact/hooks';
// Fewer letters ask for no suggestions (the API refuses them). The schema module is in the first bundle
// anyway (the search response's schemas), so importing the constant adds nothing to it.
import { MIN_SUGGEST_LENGTH as MIN_LENGTH } from '../../../schema';

interface Options<T> {
  /** Prefix of the listbox's and the options' ids. */
  id: string;
  text: string;
  onInput(text: string): void;
  /** Fetches suggestions for the typed text; called after `delay` ms without typing, aborted when the text changes. */
  load(text: string, signal: AbortSignal): Promise<T[]>;
  delay: number;
  onPick(item: T): void;
  /** Keep the list open with a "nothing found" line when there are no suggestions (the place field does). */
  showEmpty: boolean;
}

/**
 * The WAI-ARIA 1.2 combobox with a listbox popup, shared by the place field and the search field: suggestions
 * for typed text only (not for text set from outside), Arrow keys move, Enter picks, Escape closes, leaving
 * the field closes. Spread `input` on the `<input>` and `option(i)` on each option of the `<ul role="listbox">`
 * with the id `listId`.
 */
export function useCombobox<T>({ id, text, onInput, load, delay, onPick, showEmpty }: Options<T>) {
  const [items, setItems] = useState<T[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useRef(false);
  const pending = useRef<AbortController | null>(null);
  const blurTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    const query = text.trim();
    if (!typed.current || query.length < MIN_LENGTH) {
      setItems([]);
      return;
    }
    const controller = (pending.current = new AbortController());
    const timer = setTimeout(() => {
      loader.current(query, controller.signal).then(
        (found) => {
          // An answer to text the user has since changed, or to a search already submitted, is stale.
          if (controller.signal.aborted) return;
          setItems(found);
          setActive(-1);
          setOpen(true);
        },
        () => {
          if (!controller.signal.aborted) setItems([]);
        },
      );
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  useEffect(() => () => clearTimeout(blurTimer.current), []);

  /** Closes the list and drops an answer still on its way (e.g. when the form is submitted). */
  const close = () => {
    typed.current = false;
    pending.current?.abort();
    setOpen(false);
  };

  const pick = (item: T) => {
    close();
    setItems([]);
    onPick(item);
  };

  const expanded = open && text.trim().length >= MIN_LENGTH && (showEmpty || items.length > 0);
  const listId = `${id}-suggestions`;
  const optionId = (i: number) => `${id}-option-${i}`;

  const onKeyDown = (event: KeyboardEvent) => {
    // Enter without a chosen option submits the typed text; the list has nothing more to offer then.
    if (event.key === 'Enter' && (!expanded || active < 0)) return close();
    if (!expanded || items.length === 0) {
      // Escape closed the list: Arrow down opens it again on the same suggestions.
      if (event.key === 'ArrowDown' && items.length > 0 && text.trim().length >= MIN_LENGTH) {
        event.preventDefault();
        setOpen(true);
      }
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + items.length) % items.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(items[active]!);
    } else if (event.key === 'Escape') {
      // A search field would also clear itself on Escape: closing the list is all Escape should do here.
      event.preventDefault();
      setOpen(false);
    }
  };

  return {
    items,
    expanded,
    listId,
    close,
    input: {
      role: 'combobox',
      autocomplete: 'off',
      'aria-autocomplete': 'list',
      'aria-expanded': expanded,
      'aria-controls': listId,
      'aria-activedescendant': expanded && active >= 0 ? optionId(active) : undefined,
      onInput: (event: Event) => {
        typed.current = true;
        // The open list and its highlighted option answer the text before this keystroke: drop them (and an
        // answer still on its way) until the suggestions for the new text arrive, so that Enter submits what
        // was typed instead of picking an out-of-date suggestion.
        pending.current?.abort();
        setItems([]);
        setActive(-1);
        setOpen(false);
        onInput((event.currentTarget as HTMLInputElement).value);
      },
      onKeyDown,
      // Later than a click on an option (which picks on mousedown anyway); an answer still on its way must
      // not open the list under a field the user has left.
      onBlur: () => {
        blurTimer.current = setTimeout(close, 150);
      },
      // Back in the field before that close ran: it would close the list the user is now working with.
      onFocus: () => clearTimeout(blurTimer.current),
    } as const,
    option: (i: number) => ({
      id: optionId(i),
      role: 'option' as const,
      'aria-selected': i === active,
      class: i === active ? 'suggestion active' : 'suggestion',
      onMouseDown: (event: MouseEvent) => {
        event.preventDefault();
        pick(items[i]!);
      },
    }),
  };
}
