import type { AuditEntry } from '../../../../schema';
import { workspaceApi } from '../api/workspace-api';
import { LoadState } from '../components/load-state';
import { useWorkspace } from '../context';
import { commonTexts } from '../i18n/common-texts';
import { useTexts, type Translate } from '../i18n/text';
import { useLoad } from '../lib/use-load';
import { offeringTexts } from '../offering-form/texts';
import { fieldLabel } from '../review/field-values';
import { entryTexts } from './entry-texts';

/** A short history: the newest entries are what a provider asks about ("who published this, and when?"). */
const SHOWN = 15;

type EntryKey = keyof (typeof entryTexts)['de'];

const known = (key: string): key is EntryKey => key in entryTexts.de;

/**
 * The entry's history by role, never by name (the API carries no names): when, what happened, which fields.
 * `version` changes after a step on this page, so the list shows it without a reload.
 */
export function OfferingHistory({ offeringId, version }: { offeringId: number; version: string }) {
  const { lang } = useWorkspace();
  const t = useTexts(entryTexts);
  const c = useTexts(commonTexts);
  const o = useTexts(offeringTexts);
  const history = useLoad(() => workspaceApi.offeringHistory(offeringId), [offeringId, version]);
  // Audit times are UTC; people read them in German time.
  const when = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });

  const action = (name: string) => (known(`action_${name}`) ? t(`action_${name}` as EntryKey) : name);
  const role = (name: string) =>
    name === 'provider' || name === 'coordinator' || name === 'admin' ? c(`role_${name}`) : name;
  const fields = (entry: AuditEntry) => entry.changes.map((change) => label(change.field, t, o)).join(', ');

  return (
    <section class="ws-section" aria-labelledby="history-title">
      <h2 id="history-title">{t('historyTitle')}</h2>
      <p class="hint">{t('historyIntro')}</p>
      <LoadState loaded={history}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('historyEmpty')}</p>
          ) : (
            <>
              <ol class="ws-history">
                {items.slice(0, SHOWN).map((entry) => (
                  <li key={entry.id}>
                    <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time>
                    {' – '}
                    <strong>{action(entry.action)}</strong> ({role(entry.actorRole)})
                    {entry.changes.length > 0 && <span class="ws-history-fields">{t('historyFields', { fields: fields(entry) })}</span>}
                  </li>
                ))}
              </ol>
              {items.length > SHOWN && <p class="hint">{t('historyMore', { count: items.length - SHOWN })}</p>}
            </>
          )
        }
      </LoadState>
    </section>
  );
}

/** The form's label of an offering field; the life-cycle fields the form does not have get their own. */
function label(field: string, t: Translate<EntryKey>, o: Parameters<typeof fieldLabel>[1]): string {
  const own = `field_${field}`;
  return known(own) ? t(own as EntryKey) : fieldLabel(field, o);
}
