import { useId } from 'preact/hooks';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { fieldId, type FormApi } from './use-form';

/** Moves the focus to a field (for a group: its first choice) and brings it into view. */
function focusField(name: string): void {
  const element = document.getElementById(fieldId(name));
  if (!element) return;
  const target = element.matches('input, select, textarea') ? element : element.querySelector<HTMLElement>('input, select, textarea');
  element.scrollIntoView({ block: 'center' });
  target?.focus();
}

/**
 * The list of mistakes at the top of a form (GOV.UK pattern): it takes the focus after a failed submit, and
 * each entry links to its field. Problems that belong to no field are listed too.
 */
export function ErrorSummary<V extends object>({ form }: { form: FormApi<V> }) {
  const t = useTexts(commonTexts);
  const titleId = useId();
  // In the order of the form (fields register their labels as they render), not in the schema's order.
  const order = [...form.labels.keys()];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const entries = Object.entries(form.errors).sort(([a], [b]) => rank(a) - rank(b));
  if (entries.length === 0 && !form.formError) return null;
  const count = entries.length + (form.formError ? 1 : 0);
  return (
    <div class="ws-error-summary" ref={(el) => {
        form.summary.current = el;
      }} tabIndex={-1} aria-labelledby={titleId}>
      <h2 id={titleId}>{count === 1 ? t('errorSummaryOne') : t('errorSummary', { count })}</h2>
      <ul>
        {form.formError && <li>{form.formError}</li>}
        {entries.map(([name, message]) => {
          const label = form.labels.get(name);
          return (
            <li key={name}>
              {label ? (
                <a
                  href={`#${fieldId(name)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusField(name);
                  }}
                >
                  {label}: {message}
                </a>
              ) : (
                message
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
