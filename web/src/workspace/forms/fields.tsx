import type { ComponentChildren } from 'preact';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { fieldId, type FormApi } from './use-form';

/** Names of the form values that hold a `T`. */
export type KeysOf<V, T> = { [K in keyof V]: V[K] extends T ? K : never }[keyof V] & string;

interface Common {
  label: string;
  hint?: string;
  required?: boolean;
  class?: string;
}

/** aria wiring shared by every field: the hint and the error describe the input; the error marks it invalid. */
function describe(id: string, hint: string | undefined, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': error ? true : undefined };
}

function Label({ id, label, required }: { id: string; label: string; required?: boolean }) {
  return (
    <label for={id}>
      {label}
      {required && <RequiredMark />}
    </label>
  );
}

function HintAndError({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
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
    </>
  );
}

type InputType = 'text' | 'email' | 'password' | 'number' | 'url' | 'tel' | 'date';

export function TextField<V extends object>(
  props: Common & {
    form: FormApi<V>;
    name: KeysOf<V, string>;
    type?: InputType;
    autocomplete?: string;
    maxLength?: number;
    step?: string;
    inputMode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'url';
  },
) {
  const { form, name, label, hint, required, type = 'text' } = props;
  const id = fieldId(name);
  const error = form.errors[name];
  form.labels.set(name, label);
  return (
    <div class={`field ${props.class ?? ''}`}>
      <Label id={id} label={label} required={required} />
      <input
        id={id}
        name={name}
        // Preact types inputs as a union by `type`; every type used here takes a text value and these attributes.
        type={type as 'text'}
        value={form.values[name] as string}
        autocomplete={props.autocomplete}
        maxLength={props.maxLength}
        step={props.step}
        inputMode={props.inputMode}
        aria-required={required ? true : undefined}
        {...describe(id, hint, error)}
        onInput={(e) => form.set(name, e.currentTarget.value as V[typeof name])}
      />
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

export function TextArea<V extends object>(props: Common & { form: FormApi<V>; name: KeysOf<V, string>; rows?: number; maxLength?: number }) {
  const { form, name, label, hint, required } = props;
  const id = fieldId(name);
  const error = form.errors[name];
  form.labels.set(name, label);
  return (
    <div class={`field ${props.class ?? ''}`}>
      <Label id={id} label={label} required={required} />
      <textarea
        id={id}
        name={name}
        rows={props.rows ?? 5}
        maxLength={props.maxLength}
        value={form.values[name] as string}
        aria-required={required ? true : undefined}
        {...describe(id, hint, error)}
        onInput={(e) => form.set(name, e.currentTarget.value as V[typeof name])}
      />
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField<V extends object>(
  props: Common & { form: FormApi<V>; name: KeysOf<V, string>; options: Option[]; placeholder?: string },
) {
  const { form, name, label, hint, required, options } = props;
  const id = fieldId(name);
  const error = form.errors[name];
  form.labels.set(name, label);
  return (
    <div class={`field ${props.class ?? ''}`}>
      <Label id={id} label={label} required={required} />
      <select
        id={id}
        name={name}
        value={form.values[name] as string}
        aria-required={required ? true : undefined}
        {...describe(id, hint, error)}
        onChange={(e) => form.set(name, e.currentTarget.value as V[typeof name])}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

/** Several choices as checkboxes in a fieldset; the legend names the group, the error follows it. */
export function CheckboxGroup<V extends object>(
  props: Common & { form: FormApi<V>; name: KeysOf<V, string[]>; options: Option[]; children?: ComponentChildren },
) {
  const { form, name, label, hint, required, options } = props;
  const id = fieldId(name);
  const error = form.errors[name];
  const chosen = form.values[name] as string[];
  form.labels.set(name, label);
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...chosen, value] : chosen.filter((v) => v !== value);
    form.set(name, next as V[typeof name]);
  };
  return (
    // aria-invalid is not allowed on a group; the error is read through aria-describedby instead.
    <fieldset id={id} class={`ws-choices ${props.class ?? ''}`} aria-describedby={describe(id, hint, error)['aria-describedby']}>
      <legend>
        {label}
        {required && <RequiredMark />}
      </legend>
      <HintAndError id={id} hint={hint} error={error} />
      <ul>
        {options.map((o) => (
          <li key={o.value}>
            <input
              type="checkbox"
              id={`${id}-${o.value}`}
              checked={chosen.includes(o.value)}
              onChange={(e) => toggle(o.value, e.currentTarget.checked)}
            />
            <label for={`${id}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function RequiredMark() {
  const t = useTexts(commonTexts);
  return <span class="ws-required"> {t('required')}</span>;
}

export function Checkbox<V extends object>(props: { form: FormApi<V>; name: KeysOf<V, boolean>; label: string; hint?: string }) {
  const { form, name, label, hint } = props;
  const id = fieldId(name);
  const error = form.errors[name];
  form.labels.set(name, label);
  return (
    <div class="ws-checkbox">
      <input
        type="checkbox"
        id={id}
        checked={form.values[name] as boolean}
        {...describe(id, hint, error)}
        onChange={(e) => form.set(name, e.currentTarget.checked as V[typeof name])}
      />
      <label for={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}
