import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { Page } from './page';

export function NotFoundPage() {
  const t = useTexts(commonTexts);
  return (
    <Page title={t('notFound')}>
      <p>{t('notFound')}</p>
    </Page>
  );
}
