import { useI18n } from '../../i18n/i18n';

/** Something the page needed did not arrive: say so and offer to try again, instead of loading forever. */
export function LoadError({ message, retry }: { message: string; retry(): void }) {
  const i18n = useI18n();
  return (
    <div class="error" role="alert">
      <p>{message}</p>
      <button type="button" class="secondary" onClick={retry}>{i18n.t('retry')}</button>
    </div>
  );
}
