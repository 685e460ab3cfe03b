import './workspace.css';
import { render } from 'preact';
import { LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ClientConfig, Me, Taxonomy } from '../../../schema';
import { api } from '../api/client';
import { createI18n } from '../i18n/i18n';
import type { UiLanguage } from '../state/search-state';
import { configureHttp } from './api/http';
import { workspaceApi } from './api/workspace-api';
import { Frame } from './components/frame';
import { guarded } from './components/guard';
import { NotFoundPage } from './components/not-found';
import { WorkspaceContext, type Workspace } from './context';
import { paths, withLang } from './lib/paths';

// One lazy chunk per page group: a provider never downloads the review pages, nobody the admin page unasked.
const account = () => import('./account/pages');
const provider = () => import('./provider/pages');
const review = () => import('./review/pages');
const admin = () => import('./admin/pages');
// Gap maps, figures and the report are public (aggregates of public data); duplicate groups are not.
const monitoring = () => import('./monitoring/pages');
const duplicates = () => import('./duplicates/pages');

const Login = lazy(() => account().then((m) => m.LoginPage));
const Register = lazy(() => account().then((m) => m.RegisterPage));
const Verify = lazy(() => account().then((m) => m.VerifyPage));
const ForgotPassword = lazy(() => account().then((m) => m.ForgotPasswordPage));
const NewPassword = lazy(() => account().then((m) => m.NewPasswordPage));
const Account = guarded(['provider', 'coordinator', 'admin'], lazy(() => account().then((m) => m.AccountPage)));
const Dashboard = guarded(['provider'], lazy(() => provider().then((m) => m.DashboardPage)));
const OrganisationPage = guarded(['provider'], lazy(() => provider().then((m) => m.OrganisationPage)));
const SitePage = guarded(['provider'], lazy(() => provider().then((m) => m.SitePage)));
const OfferingPage = guarded(['provider'], lazy(() => provider().then((m) => m.OfferingPage)));
const ImportPage = guarded(['provider'], lazy(() => provider().then((m) => m.ImportPage)));
const Queue = guarded(['coordinator'], lazy(() => review().then((m) => m.QueuePage)));
const ReviewPage = guarded(['coordinator'], lazy(() => review().then((m) => m.ReviewPage)));
const CorrectPage = guarded(['coordinator'], lazy(() => review().then((m) => m.CorrectPage)));
const StalePage = guarded(['coordinator'], lazy(() => review().then((m) => m.StalePage)));
const Users = guarded(['admin'], lazy(() => admin().then((m) => m.UsersPage)));
const Gaps = lazy(() => monitoring().then((m) => m.GapsPage));
const Figures = lazy(() => monitoring().then((m) => m.FiguresPage));
const Report = lazy(() => monitoring().then((m) => m.ReportPage));
const Duplicates = guarded(['coordinator'], lazy(() => duplicates().then((m) => m.DuplicatesPage)));

const WORKSPACE_SCOPE = /^\/(konto|anbieter|koordination|admin|auswertung)(\/|$|\?)/;

/** Renders the workspace into `root` (called by main.tsx for workspace paths only). */
export function mountWorkspace(root: HTMLElement): void {
  render(
    <LocationProvider scope={WORKSPACE_SCOPE}>
      <WorkspaceApp />
    </LocationProvider>,
    root,
  );
}

function WorkspaceApp() {
  const location = useLocation();
  const lang: UiLanguage = location.query.ui === 'en' ? 'en' : 'de';
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [taxonomy, setTaxonomy] = useState<Taxonomy | null>(null);
  const [clientConfig, setClientConfig] = useState<ClientConfig | null>(null);
  const i18n = useMemo(() => createI18n(lang, taxonomy), [lang, taxonomy]);

  // The HTTP core lives outside Preact; it reads the newest language and location through this ref.
  const current = useRef({ lang, url: location.url, route: location.route });
  current.current = { lang, url: location.url, route: location.route };

  useEffect(() => {
    configureHttp({
      lang: () => current.current.lang,
      onUnauthenticated: () => {
        setMe(null);
        const { url, route, lang: l } = current.current;
        if (!url.startsWith(paths.login)) route(withLang(`${paths.login}?next=${encodeURIComponent(url)}`, l), true);
      },
    });
    workspaceApi.me().then(setMe, () => setMe(null));
    api.taxonomy().then(setTaxonomy, (e: unknown) => console.error('taxonomy', e));
    api.clientConfig().then(setClientConfig, (e: unknown) => console.error('client config', e));
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const workspace = useMemo<Workspace>(
    () => ({
      lang,
      me,
      setMe,
      i18n,
      clientConfig,
      taxonomy,
      href: (path) => withLang(path, lang),
      go: (path, replace) => location.route(withLang(path, lang), replace),
    }),
    [lang, me, i18n, clientConfig, taxonomy, location.route],
  );

  return (
    <WorkspaceContext.Provider value={workspace}>
      <Frame>
        <Router>
          <Route path={paths.login} component={Login} />
          <Route path={paths.register} component={Register} />
          <Route path={paths.verify} component={Verify} />
          <Route path={paths.forgotPassword} component={ForgotPassword} />
          <Route path={paths.newPassword} component={NewPassword} />
          <Route path={paths.account} component={Account} />
          <Route path={paths.dashboard} component={Dashboard} />
          <Route path={paths.organisation} component={OrganisationPage} />
          <Route path="/anbieter/standorte/:id" component={SitePage} />
          <Route path="/anbieter/angebote/:id" component={OfferingPage} />
          <Route path={paths.import} component={ImportPage} />
          <Route path={paths.queue} component={Queue} />
          <Route path="/koordination/pruefen/:id" component={ReviewPage} />
          <Route path="/koordination/angebote/:id" component={CorrectPage} />
          <Route path={paths.stale} component={StalePage} />
          <Route path={paths.duplicates} component={Duplicates} />
          <Route path={paths.gaps} component={Gaps} />
          <Route path={paths.figures} component={Figures} />
          <Route path={paths.report} component={Report} />
          <Route path={paths.users} component={Users} />
          <Route path="/admin" component={Users} />
          <Route default component={NotFoundPage} />
        </Router>
      </Frame>
    </WorkspaceContext.Provider>
  );
}
