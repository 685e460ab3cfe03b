// The provider pages: one lazy chunk (see workspace-app.tsx).
export { DashboardPage } from './dashboard-page';
export { ImportPage } from './import-page';
export { OfferingPage } from './offering-page';
export { OrganisationPage } from './organisation-page';
export { SitePage } from './site-page';
