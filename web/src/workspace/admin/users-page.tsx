import { useState } from 'preact/hooks';
import { zCreateUserInput, type AdminUser } from '../../../../schema';
import { workspaceApi } from '../api/workspace-api';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { useWorkspace } from '../context';
import { ErrorSummary } from '../forms/error-summary';
import { SelectField, TextField } from '../forms/fields';
import { RegionField } from '../forms/region-field';
import { useForm } from '../forms/use-form';
import { errorsOf } from '../forms/zod-errors';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { useLoad } from '../lib/use-load';
import { adminTexts } from './texts';
import { UserRoleForm } from './user-role-form';

const EMPTY = { email: '', displayName: '', role: 'coordinator', regionPrefix: '' };
const inputOf = (v: typeof EMPTY) => ({ ...v, regionPrefix: v.role === 'coordinator' ? v.regionPrefix : null });

/** `/admin/nutzer`: every account, and invitations for coordinators and admins. */
export function UsersPage() {
  const { lang, i18n } = useWorkspace();
  const t = useTexts(adminTexts);
  const c = useTexts(commonTexts);
  const users = useLoad(() => workspaceApi.users(), []);
  const [created, setCreated] = useState<string | null>(null);
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [changed, setChanged] = useState<string | null>(null);
  const form = useForm(EMPTY, (v) => errorsOf(zCreateUserInput.safeParse(inputOf(v)), lang));

  return (
    <Page title={t('usersTitle')} wide>
      <section class="ws-section" aria-labelledby="create-title">
        <h2 id="create-title">{t('createTitle')}</h2>
        <p>{t('createIntro')}</p>
        <p role="status" class={created ? 'ws-success' : 'ws-status-empty'}>
          {created ?? ''}
        </p>
        <form
          class="ws-form ws-form--narrow"
          noValidate
          onSubmit={(event) =>
            form.submit(event, async (values) => {
              const body = zCreateUserInput.parse(inputOf(values));
              const user = await workspaceApi.createUser(body);
              setCreated(t('created', { name: user.displayName }));
              form.reset(EMPTY);
              users.reload();
            })
          }
        >
          <ErrorSummary form={form} />
          <TextField form={form} name="displayName" label={t('displayName')} maxLength={120} required />
          <TextField form={form} name="email" type="email" label={t('email')} maxLength={254} required />
          <SelectField
            form={form}
            name="role"
            label={t('role')}
            options={[
              { value: 'coordinator', label: t('roleCoordinator') },
              { value: 'admin', label: t('roleAdmin') },
            ]}
            required
          />
          {form.values.role === 'coordinator' && (
            <RegionField
              form={form}
              name="regionPrefix"
              label={t('region')}
              hint={t('regionHint')}
              required
              acceptTypedKey
              emptyText={i18n.t('noPlaceFound')}
              listLabel={i18n.t('placeSuggestions')}
            />
          )}
          <div class="ws-actions">
            <button type="submit" class="primary" disabled={form.busy}>
              {t('create')}
            </button>
          </div>
        </form>
      </section>
      <section class="ws-section" aria-labelledby="list-title">
        <h2 id="list-title">{t('listTitle')}</h2>
        <p role="status" class={changed ? 'ws-success' : 'ws-status-empty'}>
          {changed ?? ''}
        </p>
        {editing && (
          <UserRoleForm
            key={editing.id}
            user={editing}
            onCancel={() => setEditing(null)}
            onDone={(user) => {
              setEditing(null);
              setChanged(t('roleChanged', { name: user.displayName }));
              users.reload();
            }}
          />
        )}
        <LoadState loaded={users}>
          {(data) => (
            <div class="ws-table-wrap" tabIndex={0} role="region" aria-labelledby="users-caption">
              <table class="ws-table">
                <caption id="users-caption">{t('caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('colName')}</th>
                    <th scope="col">{t('colEmail')}</th>
                    <th scope="col">{t('colRole')}</th>
                    <th scope="col">{t('colRegion')}</th>
                    <th scope="col">{t('colOrganisation')}</th>
                    <th scope="col">{t('colVerified')}</th>
                    <th scope="col">{t('colSince')}</th>
                    <th scope="col">{t('colChange')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.users.map((u) => (
                    <tr key={u.id}>
                      <th scope="row">{u.displayName}</th>
                      <td>{u.email}</td>
                      <td>{c(`role_${u.role}`)}</td>
                      <td>{u.regionPrefix ?? c('none')}</td>
                      <td>{u.organisation?.name ?? c('none')}</td>
                      <td>{u.emailVerified ? c('yes') : c('no')}</td>
                      <td>{i18n.formatDate(u.createdAt.slice(0, 10))}</td>
                      <td>
                        <button
                          type="button"
                          class="secondary"
                          aria-label={t('changeNamed', { name: u.displayName })}
                          onClick={() => {
                            setChanged(null);
                            setEditing(u);
                          }}
                        >
                          {t('change')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </LoadState>
      </section>
    </Page>
  );
}
