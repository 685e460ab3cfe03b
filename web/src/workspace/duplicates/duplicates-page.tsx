import { useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import { zRegionKey, type DuplicatesResponse } from '../../../../schema';
import { Page } from '../components/page';
import { useWorkspace } from '../context';
import { useTexts } from '../i18n/text';
import { paths } from '../lib/paths';
import { DistrictPicker } from './district-picker';
import { DecidedGroups, OpenGroups } from './group-lists';
import { duplicateTexts } from './texts';

export type View = 'same_entry' | 'parallel' | 'decided';
export type Counts = DuplicatesResponse['counts'];

const VIEWS: readonly View[] = ['same_entry', 'parallel', 'decided'];
/** The views in the URL (`?ansicht=`), so a reload or a shared link opens the same one. */
const VIEW_PARAM: Record<View, string> = { same_entry: 'doppelt', parallel: 'parallel', decided: 'entschieden' };

function viewOf(param: string | undefined): View {
  return VIEWS.find((v) => VIEW_PARAM[v] === param) ?? 'same_entry';
}

/** The page of the view's list in the URL (`?seite=`); anything but a whole number from 1 is the first. */
function pageOf(param: string | undefined): number {
  const page = Number(param);
  return Number.isSafeInteger(page) && page >= 1 ? page : 1;
}

/**
 * `/koordination/doppelstrukturen`: the duplicate structures of the coordinator's region (an admin picks a
 * district). Entries made twice and parallel offerings are separate views, so a data problem is never
 * mistaken for a coordination hint; a third view lists what was decided, with the way back.
 */
export function DuplicatesPage() {
  const { me, href, go } = useWorkspace();
  const t = useTexts(duplicateTexts);
  const { query } = useLocation();
  const view = viewOf(query.ansicht);
  const page = pageOf(query.seite);
  const admin = me?.role === 'admin';
  const asked = zRegionKey.safeParse(query.region);
  const region = admin ? (asked.success ? asked.data : null) : (me?.regionPrefix ?? null);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [regionName, setRegionName] = useState<string | undefined>(undefined);
  // An object, so the same words said twice still count as a new message (and take the focus again).
  const [message, setMessage] = useState<{ text: string } | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const focusMessage = useRef(false);

  useEffect(() => {
    setMessage(null);
  }, [view, region]);
  useEffect(() => {
    setCounts(null);
    setRegionName(undefined);
  }, [region]);
  // After a decision the group (and the focused button with it) is gone: the message takes the focus.
  useEffect(() => {
    if (message && focusMessage.current) messageRef.current?.focus();
    focusMessage.current = false;
  }, [message]);

  const announce = (text: string) => {
    focusMessage.current = true;
    setMessage({ text });
  };
  // Another view or region starts on its first page.
  const linkTo = (next: View, nextRegion = region, nextPage = 1) => {
    const params = new URLSearchParams();
    if (admin && nextRegion) params.set('region', nextRegion);
    if (next !== 'same_entry') params.set('ansicht', VIEW_PARAM[next]);
    if (nextPage > 1) params.set('seite', String(nextPage));
    const qs = params.toString();
    return `${paths.duplicates}${qs ? `?${qs}` : ''}`;
  };
  const showPage = (next: number, replace = false) => go(linkTo(view, region, next), replace);
  const loaded = (data: DuplicatesResponse) => {
    setCounts(data.counts);
    setRegionName(data.region.name);
  };

  return (
    <Page title={t('title')} wide>
      <p>{t('intro')}</p>
      {admin && <DistrictPicker region={region} name={regionName} onChange={(key) => go(linkTo(view, key))} />}
      {!admin && regionName && <p class="ws-entry-meta">{t('regionOf', { name: regionName })}</p>}
      <p ref={messageRef} tabIndex={-1} role="status" class={message ? 'ws-success' : 'ws-status-empty'}>
        {message?.text ?? ''}
      </p>
      {region === null ? (
        <p class="ws-notice">{admin ? t('chooseRegion') : t('noRegion')}</p>
      ) : (
        <>
          <nav class="dup-views" aria-label={t('views')}>
            <ul>
              {VIEWS.map((v) => (
                <li key={v}>
                  <a href={href(linkTo(v))} aria-current={v === view ? 'page' : undefined} class={`dup-view-link dup-view-link--${v}`}>
                    {t(`view_${v}`)}
                    {counts && <span class="dup-view-count">{counts[v]}</span>}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <section class={`dup-view dup-view--${view}`} aria-labelledby="dup-view-title">
            <h2 id="dup-view-title">{t(`view_${view}`)}</h2>
            <p class="dup-view-intro">{t(`intro_${view}`)}</p>
            {view === 'decided' ? (
              <DecidedGroups key={region} region={region} page={page} onPage={showPage} onLoaded={loaded} onMessage={announce} />
            ) : (
              <OpenGroups key={`${region}:${view}`} region={region} kind={view} page={page} onPage={showPage} onLoaded={loaded} onMessage={announce} />
            )}
          </section>
        </>
      )}
    </Page>
  );
}
