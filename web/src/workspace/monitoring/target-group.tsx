import { useEffect, useState } from 'preact/hooks';
import type { TargetGroup, Taxonomy } from '../../../../schema';
import type { I18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { useWorkspace } from '../context';
import { useTexts, type Translate } from '../i18n/text';
import { withList, type ListKey } from './monitoring-state';
import { monitoringTexts } from './texts';

type TextKey = keyof (typeof monitoringTexts)['de'];

/** The facets in the family search's order, with the family page's own legends. */
const facets: { key: ListKey; vocabulary: string; legend: MessageKey }[] = [
  { key: 'phase', vocabulary: 'phases', legend: 'facetPhase' },
  { key: 'category', vocabulary: 'categories', legend: 'facetCategory' },
  { key: 'formality', vocabulary: 'formalities', legend: 'facetFormality' },
  { key: 'access', vocabulary: 'accessFeatures', legend: 'facetAccess' },
  { key: 'lang', vocabulary: 'languages', legend: 'facetLanguage' },
  { key: 'cost', vocabulary: 'costs', legend: 'facetCost' },
];

/** The target group in words: "Tutoring; 10 years; free; BuT eligible", or "all offerings". */
export function describeGroup(group: TargetGroup, i18n: I18n, t: Translate<TextKey>): string {
  const parts: string[] = [];
  if (group.q) parts.push(`„${group.q}“`);
  for (const { key, vocabulary } of facets) {
    const values = group[key] ?? [];
    if (values.length > 0) parts.push(values.map((id) => i18n.term(vocabulary, id)).join(t('or')));
    if (key === 'phase' && group.age !== undefined) parts.push(t('ageYears', { age: group.age }));
  }
  if (group.but === true) parts.push(i18n.t('butEligible'));
  if (group.but === false) parts.push(i18n.t('notButEligible'));
  return parts.length > 0 ? parts.join('; ') : t('allOfferings');
}

function chosenCount(group: TargetGroup): number {
  return facets.reduce((n, { key }) => n + (group[key]?.length ?? 0), group.but !== undefined ? 1 : 0);
}

interface Props {
  /** Prefix of the field ids, unique on the page ("a", "b"). */
  id: string;
  legend: string;
  value: TargetGroup;
  onChange(next: TargetGroup): void;
}

/**
 * A target group with the family search's filters: search term and age always in view, the checkbox groups
 * folded into a disclosure so the form stays compact. Every change applies at once (text and age when the
 * field is left or Enter is pressed).
 */
export function TargetGroupForm({ id, legend, value, onChange }: Props) {
  const { i18n, taxonomy } = useWorkspace();
  const t = useTexts(monitoringTexts);
  const [q, setQ] = useState(value.q ?? '');
  const [age, setAge] = useState(value.age === undefined ? '' : String(value.age));
  useEffect(() => setQ(value.q ?? ''), [value.q]);
  useEffect(() => setAge(value.age === undefined ? '' : String(value.age)), [value.age]);

  const commitQ = () => {
    const text = q.trim().slice(0, 200);
    if (text === (value.q ?? '')) return;
    const next = { ...value, q: text || undefined };
    if (!text) delete next.q;
    onChange(next);
  };
  const commitAge = () => {
    const n = age.trim() === '' ? undefined : Number(age);
    if (n !== undefined && (!Number.isInteger(n) || n < 0 || n > 120)) return;
    if (n === value.age) return;
    const next = { ...value, age: n };
    if (n === undefined) delete next.age;
    onChange(next);
  };
  const count = chosenCount(value);
  // Open at first when something is chosen; afterwards the person decides (closing it under their hands
  // when they untick the last box would lose their place).
  const [openAtFirst] = useState(count > 0);

  return (
    <form
      class="mon-target"
      onSubmit={(e) => {
        e.preventDefault();
        commitQ();
        commitAge();
      }}
    >
      <fieldset>
        <legend>{legend}</legend>
        <div class="mon-target-fields">
          <div class="field">
            <label for={`${id}-q`}>{t('searchTerm')}</label>
            <input id={`${id}-q`} type="search" value={q} maxLength={200} onInput={(e) => setQ(e.currentTarget.value)} onChange={commitQ} />
          </div>
          <div class="field">
            <label for={`${id}-age`}>{t('age')}</label>
            <input
              id={`${id}-age`}
              type="number"
              inputMode="numeric"
              min={0}
              max={120}
              step={1}
              value={age}
              onInput={(e) => setAge(e.currentTarget.value)}
              onChange={commitAge}
            />
          </div>
          <button type="submit" class="secondary mon-apply">
            {t('apply')}
          </button>
        </div>
        <details class="mon-facets-box" open={openAtFirst}>
          <summary>
            {t('filters')}
            {count > 0 && ` (${t('filtersChosen', { count })})`}
          </summary>
          {taxonomy && <Facets id={id} taxonomy={taxonomy} value={value} onChange={onChange} i18n={i18n} />}
        </details>
      </fieldset>
    </form>
  );
}

function Facets({ id, taxonomy, value, onChange, i18n }: { id: string; taxonomy: Taxonomy; value: TargetGroup; onChange(next: TargetGroup): void; i18n: I18n }) {
  const option = (key: ListKey, termId: string, label: string) => {
    const chosen = (value[key] ?? []) as string[];
    const inputId = `${id}-${key}-${termId}`;
    return (
      <li key={termId}>
        <input
          id={inputId}
          type="checkbox"
          checked={chosen.includes(termId)}
          onChange={(e) => onChange(withList(value, key, e.currentTarget.checked ? [...chosen, termId] : chosen.filter((v) => v !== termId)))}
        />
        <label for={inputId}>{label}</label>
      </li>
    );
  };
  return (
    <div class="mon-facets">
      {facets.map(({ key, vocabulary, legend }) => {
        const terms = taxonomy[vocabulary] ?? [];
        return (
          <fieldset key={key} class={`ws-choices mon-facet mon-facet--${key}`}>
            <legend>{i18n.t(legend)}</legend>
            {key === 'access' ? (
              (taxonomy.accessNeedGroups ?? []).map((group) => (
                <div key={group.id}>
                  <p class="access-group-name" id={`${id}-access-${group.id}`}>
                    {group.label[i18n.lang]}
                  </p>
                  <ul aria-labelledby={`${id}-access-${group.id}`}>
                    {terms.filter((term) => term.group === group.id).map((term) => option('access', term.id, term.label[i18n.lang]))}
                  </ul>
                </div>
              ))
            ) : (
              <ul>
                {terms.map((term) => option(key, term.id, term.label[i18n.lang]))}
                {key === 'cost' && (
                  <li key="but">
                    <input
                      id={`${id}-but`}
                      type="checkbox"
                      checked={value.but === true}
                      onChange={(e) => {
                        const next = { ...value, but: e.currentTarget.checked ? true : undefined };
                        if (!next.but) delete next.but;
                        onChange(next);
                      }}
                    />
                    <label for={`${id}-but`}>{i18n.t('butEligible')}</label>
                  </li>
                )}
              </ul>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
