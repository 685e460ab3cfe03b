import {
  zAdminUser, zAdminUserList, zAuditEntries, zImportReport, zManagedOffering, zManagedOfferingList, zMe, zMember, zMemberList, zMessage,
  zOrganisation, zReviewDetail,
  zReviewQueue, zSite, zSitePosition, zStaleList, type Me, type OfferingInput, type OfferingPatch, type OrganisationInput,
  type InviteMemberInput, type OrganisationPatch, type SiteInput, type SitePatch,
} from '../../../../schema';
import { request, resetCsrf } from './http';

const id = (n: number) => encodeURIComponent(String(n));
const post = (json?: unknown) => ({ method: 'POST' as const, json: json ?? {} });

/** Every workspace endpoint (docs/accounts-and-moderation.md), typed by the shared schemas. */
export const workspaceApi = {
  // Accounts
  me: () => request('/api/me', zMe, { expectUnauthenticated: true }),
  register: (body: { email: string; password: string; displayName: string; lang: string }) =>
    request('/api/auth/register', zMessage, post(body)),
  verify: (token: string) => request('/api/auth/verify', zMessage, post({ token })),
  resendVerification: () => request('/api/auth/resend-verification', zMessage, post()),
  async login(body: { email: string; password: string }): Promise<Me> {
    const me = await request('/api/auth/login', zMe, { ...post(body), expectUnauthenticated: true });
    resetCsrf();
    return me;
  },
  async logout(): Promise<void> {
    await request('/api/auth/logout', null, { ...post(), expectUnauthenticated: true });
    resetCsrf();
  },
  requestPasswordReset: (body: { email: string; lang: string }) =>
    request('/api/auth/password-reset/request', zMessage, post(body)),
  resetPassword: (body: { token: string; password: string }) => request('/api/auth/password-reset', zMessage, post(body)),
  changePassword: (body: { currentPassword: string; newPassword: string }) => request('/api/auth/password', zMe, post(body)),
  async deleteAccount(password: string): Promise<void> {
    await request('/api/me', null, { method: 'DELETE', json: { password } });
    resetCsrf();
  },

  // Organisations and sites
  createOrganisation: (body: OrganisationInput) => request('/api/organisations', zOrganisation, post(body)),
  organisation: (orgId: number) => request(`/api/organisations/${id(orgId)}`, zOrganisation),
  updateOrganisation: (orgId: number, body: OrganisationPatch) =>
    request(`/api/organisations/${id(orgId)}`, zOrganisation, { method: 'PATCH', json: body }),
  members: (orgId: number) => request(`/api/organisations/${id(orgId)}/members`, zMemberList),
  inviteMember: (orgId: number, body: InviteMemberInput) => request(`/api/organisations/${id(orgId)}/members`, zMember, post(body)),
  removeMember: (orgId: number, userId: number) =>
    request(`/api/organisations/${id(orgId)}/members/${id(userId)}`, null, { method: 'DELETE' }),
  verifyOrganisation: (orgId: number) => request(`/api/organisations/${id(orgId)}/verify`, zOrganisation, post()),
  createSite: (orgId: number, body: SiteInput) => request(`/api/organisations/${id(orgId)}/sites`, zSite, post(body)),
  updateSite: (siteId: number, body: SitePatch) =>
    request(`/api/sites/${id(siteId)}`, zSite, { method: 'PATCH', json: body }),
  deleteSite: (siteId: number) => request(`/api/sites/${id(siteId)}`, null, { method: 'DELETE' }),
  sitePosition: (postcode: string, city: string) =>
    request(`/api/sites/position?${new URLSearchParams({ postcode, city })}`, zSitePosition),

  // Offerings
  offerings: (query: { status?: string; stale?: boolean | 'soon'; q?: string; page?: number } = {}) => {
    const params = new URLSearchParams();
    if (query.status) params.set('status', query.status);
    if (query.stale) params.set('stale', query.stale === 'soon' ? 'soon' : 'true');
    if (query.q) params.set('q', query.q);
    if (query.page && query.page > 1) params.set('page', String(query.page));
    const qs = params.toString();
    return request(`/api/manage/offerings${qs ? `?${qs}` : ''}`, zManagedOfferingList);
  },
  offering: (offeringId: number) => request(`/api/manage/offerings/${id(offeringId)}`, zManagedOffering),
  createOffering: (body: OfferingInput & { submit?: boolean }) => request('/api/manage/offerings', zManagedOffering, post(body)),
  updateOffering: (offeringId: number, body: OfferingPatch) =>
    request(`/api/manage/offerings/${id(offeringId)}`, zManagedOffering, { method: 'PATCH', json: body }),
  offeringAction: (offeringId: number, action: 'submit' | 'withdraw' | 'archive' | 'confirm') =>
    request(`/api/manage/offerings/${id(offeringId)}/${action}`, zManagedOffering, post()),
  deleteOffering: (offeringId: number) => request(`/api/manage/offerings/${id(offeringId)}`, null, { method: 'DELETE' }),
  offeringHistory: (offeringId: number) => request(`/api/manage/offerings/${id(offeringId)}/history`, zAuditEntries),
  importCsv: (orgId: number, file: Blob, options: { dryRun: boolean; submit?: boolean }) =>
    request(`/api/organisations/${id(orgId)}/import?dryRun=${options.dryRun}&submit=${options.submit ?? false}`, zImportReport, {
      method: 'POST',
      raw: { body: file, contentType: 'text/csv' },
    }),

  // Review
  queue: (page = 1) => request(`/api/review/queue${page > 1 ? `?page=${page}` : ''}`, zReviewQueue),
  review: (offeringId: number) => request(`/api/review/offerings/${id(offeringId)}`, zReviewDetail),
  publish: (offeringId: number) => request(`/api/review/offerings/${id(offeringId)}/publish`, zManagedOffering, post()),
  reject: (offeringId: number, reason: string) =>
    request(`/api/review/offerings/${id(offeringId)}/reject`, zManagedOffering, post({ reason })),
  stale: (page = 1) => request(`/api/review/stale${page > 1 ? `?page=${page}` : ''}`, zStaleList),

  // Admin
  users: () => request('/api/admin/users', zAdminUserList),
  createUser: (body: { email: string; displayName: string; role: 'coordinator' | 'admin'; regionPrefix?: string | null }) =>
    request('/api/admin/users', zAdminUser, post(body)),
  updateUser: (userId: number, body: { role?: string; regionPrefix?: string | null }) =>
    request(`/api/admin/users/${id(userId)}`, zAdminUser, { method: 'PATCH', json: body }),
};

/** Download addresses: plain links, so the browser saves the file with the session cookie and no script. */
export const downloads = {
  template: '/api/manage/offerings-template.csv',
  export: (orgId: number) => `/api/organisations/${id(orgId)}/offerings.csv`,
  personalData: '/api/me/export',
};
