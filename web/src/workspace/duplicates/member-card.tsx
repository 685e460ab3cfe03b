import type { DuplicateMember } from '../../../../schema';
import { formatAges, termList } from '../../lib/format';
import { StatusBadge } from '../components/status-badge';
import { useWorkspace } from '../context';
import { useTexts } from '../i18n/text';
import { paths } from '../lib/paths';
import { duplicateTexts } from './texts';

/**
 * One entry of a group, in the same shape as its neighbours so they can be compared side by side. The title
 * leads to the coordinator's correction page; `mark` names the entry to keep.
 */
export function MemberCard({ member, mark }: { member: DuplicateMember; mark?: string }) {
  const { href, i18n } = useWorkspace();
  const t = useTexts(duplicateTexts);
  return (
    <li class={mark ? 'dup-member dup-member--keep' : 'dup-member'} data-offering-id={member.id}>
      <h4 class="dup-member-title">
        <a href={href(paths.correct(member.id))}>{member.title}</a>
      </h4>
      <p class="dup-member-marks">
        <StatusBadge status={member.status} />
        {mark && <span class="ws-badge dup-badge--keep">{mark}</span>}
      </p>
      <dl class="dup-facts">
        <dt>{t('provider')}</dt>
        <dd>{member.providerName}</dd>
        <dt>{t('address')}</dt>
        <dd>
          {member.street}, {member.postcode} {member.city}
        </dd>
        <dt>{t('ages')}</dt>
        <dd>{formatAges(i18n, member.minAge, member.maxAge)}</dd>
        <dt>{t('categories')}</dt>
        <dd>{termList(i18n, 'categories', member.categories)}</dd>
        <dt>{t('schedule')}</dt>
        <dd>{member.schedule}</dd>
        <dt>{t('lastConfirmed')}</dt>
        <dd>{i18n.formatDate(member.lastConfirmedAt.slice(0, 10))}</dd>
      </dl>
    </li>
  );
}
