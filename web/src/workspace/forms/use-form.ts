import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure } from '../api/http';
import type { FieldErrors } from './zod-errors';

export interface FormApi<V extends object> {
  values: V;
  set<K extends keyof V>(name: K, value: V[K]): void;
  /** Replaces every value (a loaded entry). */
  reset(values: V): void;
  errors: FieldErrors;
  /** A problem that belongs to no field (the server refused for another reason). */
  formError: string | null;
  busy: boolean;
  /** Labels of the fields, registered as they render, for the error summary's links. */
  labels: Map<string, string>;
  summary: { current: HTMLDivElement | null };
  /** Checks on the client; when clean, runs `send` and shows what the server found wrong the same way. */
  submit(event: Event, send: (values: V) => Promise<void>): Promise<void>;
}

/** The dotted path of a field as the id of its input, e.g. `schedule.text` → `f-schedule-text`. */
export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9]+/g, '-')}`;

/**
 * Form state with one rule set: `check` (the shared zod schema) decides on the client, and the API's field
 * errors land in the same places. After a failed submit the errors follow every change, so a fixed field
 * loses its message at once; the summary at the top takes the focus so nobody misses it.
 */
export function useForm<V extends object>(initial: V, check: (values: V) => FieldErrors): FormApi<V> {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const attempted = useRef(false);
  const focusSummary = useRef(false);
  const summary = useRef<HTMLDivElement | null>(null);
  const labels = useRef(new Map<string, string>()).current;
  const checkRef = useRef(check);
  checkRef.current = check;

  useEffect(() => {
    if (!focusSummary.current) return;
    focusSummary.current = false;
    summary.current?.focus();
    summary.current?.scrollIntoView({ block: 'start' });
  });

  const set = <K extends keyof V>(name: K, value: V[K]) => {
    setValues((old) => {
      const next = { ...old, [name]: value };
      if (attempted.current) setErrors(checkRef.current(next));
      return next;
    });
  };

  const submit = async (event: Event, send: (values: V) => Promise<void>) => {
    event.preventDefault();
    if (busy) return;
    attempted.current = true;
    const found = checkRef.current(values);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) {
      focusSummary.current = true;
      return;
    }
    setBusy(true);
    try {
      await send(values);
    } catch (error) {
      if (error instanceof ApiFailure && Object.keys(error.fields).length > 0) {
        setErrors(error.fields);
      } else {
        setFormError(error instanceof Error ? error.message : String(error));
      }
      focusSummary.current = true;
    } finally {
      setBusy(false);
    }
  };

  const reset = (next: V) => {
    attempted.current = false;
    setErrors({});
    setFormError(null);
    setValues(next);
  };

  return { values, set, reset, errors, formError, busy, labels, summary, submit };
}
