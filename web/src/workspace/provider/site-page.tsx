import type { Site } from '../../../../schema';
import { workspaceApi } from '../api/workspace-api';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { UnverifiedNotice } from '../components/unverified-notice';
import { useWorkspace } from '../context';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { setFlash } from '../lib/flash';
import { paths } from '../lib/paths';
import { useLoad } from '../lib/use-load';
import { SiteForm } from './site-form';
import { providerTexts } from './texts';

/** `/anbieter/standorte/neu` and `/anbieter/standorte/:id`. */
export function SitePage({ id }: { id?: string }) {
  const { me, href, go } = useWorkspace();
  const t = useTexts(providerTexts);
  const c = useTexts(commonTexts);
  const isNew = id === 'neu';
  const orgId = me?.organisation?.id;
  const loaded = useLoad(() => (orgId ? workspaceApi.organisation(orgId) : Promise.resolve(null)), [orgId]);
  const done = (_site: Site) => {
    setFlash(t('siteSaved'));
    go(paths.organisation);
  };

  return (
    <Page title={isNew ? t('siteTitleNew') : t('siteTitleEdit')}>
      <UnverifiedNotice />
      <p>
        <a href={href(paths.organisation)}>{t('backToOrganisation')}</a>
      </p>
      <LoadState loaded={loaded}>
        {(organisation) => {
          if (!organisation) return <p>{t('noOrganisation')}</p>;
          const site = isNew ? null : organisation.sites.find((s) => String(s.id) === id);
          if (site === undefined) return <p>{c('notFound')}</p>;
          return <SiteForm key={id} organisationId={organisation.id} site={site} onSaved={done} />;
        }}
      </LoadState>
    </Page>
  );
}
