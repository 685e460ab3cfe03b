import { useState } from 'preact/hooks';
import type { Organisation, Site } from '../../../../schema';
import { ApiFailure } from '../api/http';
import { workspaceApi } from '../api/workspace-api';
import { FlashMessage } from '../components/flash-message';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { UnverifiedNotice } from '../components/unverified-notice';
import { useWorkspace } from '../context';
import { useTexts } from '../i18n/text';
import { paths } from '../lib/paths';
import { useLoad } from '../lib/use-load';
import { MembersSection } from './members-section';
import { OrganisationForm } from './organisation-form';
import { providerTexts } from './texts';

/** The provider's organisation (created here the first time) and its sites. */
export function OrganisationPage() {
  const { me, setMe } = useWorkspace();
  const t = useTexts(providerTexts);
  const [notice, setNotice] = useState<string | null>(null);
  const orgId = me?.organisation?.id;
  const loaded = useLoad(() => (orgId ? workspaceApi.organisation(orgId) : Promise.resolve(null)), [orgId]);

  const onSaved = async (organisation: Organisation) => {
    setNotice(t('orgSaved'));
    loaded.set(organisation);
    // The header, the navigation and every later page read the organisation from the session's "me".
    if (!orgId) setMe(await workspaceApi.me());
  };

  if (!orgId) {
    return (
      <Page title={t('newOrganisationTitle')}>
        <UnverifiedNotice />
        {/* "You have left the organisation", when that is how the person got here. */}
        <FlashMessage />
        <OrganisationForm organisation={null} onSaved={onSaved} />
      </Page>
    );
  }
  return (
    <Page title={t('organisationTitle')}>
      <UnverifiedNotice />
      <FlashMessage extra={notice} />
      <LoadState loaded={loaded}>
        {(organisation) =>
          organisation && (
            <>
              <p>
                <span class={organisation.verified ? 'ws-badge ws-badge--published' : 'ws-badge ws-badge--pending'}>
                  {organisation.verified ? t('verified') : t('notVerified')}
                </span>
              </p>
              <OrganisationForm key={organisation.id} organisation={organisation} onSaved={onSaved} />
              <Sites sites={organisation.sites} onDeleted={(id) => {
                loaded.set({ ...organisation, sites: organisation.sites.filter((s) => s.id !== id) });
                setNotice(t('siteDeleted'));
              }} onError={setNotice} />
              <MembersSection organisationId={organisation.id} />
            </>
          )
        }
      </LoadState>
    </Page>
  );
}

function Sites({ sites, onDeleted, onError }: { sites: Site[]; onDeleted(id: number): void; onError(message: string): void }) {
  const { href } = useWorkspace();
  const t = useTexts(providerTexts);
  const remove = async (site: Site) => {
    try {
      await workspaceApi.deleteSite(site.id);
      onDeleted(site.id);
    } catch (error) {
      onError(error instanceof ApiFailure && error.status === 409 ? t('siteInUse') : (error as Error).message);
    }
  };
  return (
    <section class="ws-section" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('sitesTitle')}</h2>
      <p>{t('sitesText')}</p>
      {sites.length === 0 ? (
        <p>{t('noSites')}</p>
      ) : (
        <ul class="ws-entries">
          {sites.map((site) => {
            const name = site.name ?? site.street;
            return (
              <li key={site.id} class="ws-entry">
                <h3 class="ws-entry-title">{name}</h3>
                <p class="ws-entry-meta">
                  {site.street}, {site.postcode} {site.city}
                </p>
                <p class="ws-entry-actions">
                  <a class="button secondary" href={href(paths.site(site.id))} aria-label={t('editSiteNamed', { name })}>
                    {t('editSite')}
                  </a>
                  <button type="button" class="secondary" onClick={() => remove(site)} aria-label={t('deleteSiteNamed', { name })}>
                    {t('deleteSite')}
                  </button>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <a class="button primary" href={href(paths.newSite)}>
        {t('newSite')}
      </a>
    </section>
  );
}
