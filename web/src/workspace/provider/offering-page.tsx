import type { ManagedOffering, Organisation } from '../../../../schema';
import { workspaceApi } from '../api/workspace-api';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { UnverifiedNotice } from '../components/unverified-notice';
import { useWorkspace } from '../context';
import { OfferingForm, type SaveIntent } from '../offering-form/offering-form';
import { OfferingState } from '../offering-form/offering-state';
import { offeringTexts } from '../offering-form/texts';
import { useTexts } from '../i18n/text';
import { setFlash } from '../lib/flash';
import { paths } from '../lib/paths';
import { useLoad } from '../lib/use-load';
import { OfferingActions } from './offering-actions';
import { OfferingHistory } from './offering-history';
import { providerTexts } from './texts';

interface Loaded {
  organisation: Organisation | null;
  offering: ManagedOffering | null;
}

/** `/anbieter/angebote/neu` and `/anbieter/angebote/:id`: the provider's offering form. */
export function OfferingPage({ id }: { id?: string }) {
  const { me, href, go } = useWorkspace();
  const t = useTexts(offeringTexts);
  const p = useTexts(providerTexts);
  const isNew = id === 'neu';
  const orgId = me?.organisation?.id;
  const loaded = useLoad<Loaded>(async () => {
    const [organisation, offering] = await Promise.all([
      orgId ? workspaceApi.organisation(orgId) : Promise.resolve(null),
      isNew ? Promise.resolve(null) : workspaceApi.offering(Number(id)),
    ]);
    return { organisation, offering };
  }, [orgId, id]);

  const done = (result: ManagedOffering, intent: SaveIntent) => {
    setFlash(intent === 'submit' || result.status === 'pending' ? p('submitted', { title: result.title }) : p('saved', { title: result.title }));
    go(paths.dashboard);
  };

  const title = loaded.data?.offering ? t('editTitle', { title: loaded.data.offering.title }) : t('newTitle');
  return (
    <Page title={title} wide>
      <UnverifiedNotice />
      <p>
        <a href={href(paths.dashboard)}>{t('backToDashboard')}</a>
      </p>
      <LoadState loaded={loaded}>
        {({ organisation, offering }) => {
          if (!organisation) {
            return (
              <p class="ws-notice">
                {t('noOrganisation')} <a href={href(paths.organisation)}>{t('toOrganisation')}</a>
              </p>
            );
          }
          if (organisation.sites.length === 0) {
            return (
              <p class="ws-notice">
                {t('noSites')} <a href={href(paths.newSite)}>{t('toNewSite')}</a>
              </p>
            );
          }
          // A step on this page (a withdrawal) changes what the form starts from: it starts afresh.
          const version = offering ? `${offering.status}-${offering.updatedAt}-${offering.pendingRevision?.id ?? ''}` : '';
          return (
            <>
              {offering ? <OfferingState offering={offering} /> : <p>{t('intro')}</p>}
              {offering && <OfferingActions offering={offering} onChanged={(next) => loaded.set({ organisation, offering: next })} />}
              <OfferingForm key={`${id}-${version}`} offering={offering} sites={organisation.sites} mode="provider" onDone={done} />
              {offering && <OfferingHistory offeringId={offering.id} version={version} />}
            </>
          );
        }}
      </LoadState>
    </Page>
  );
}
