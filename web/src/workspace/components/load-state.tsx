import type { ComponentChildren } from 'preact';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import type { Loaded } from '../lib/use-load';

/** Shows "loading" or the error with a retry button until the data is there, then the children. */
export function LoadState<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  const t = useTexts(commonTexts);
  if (loaded.error) {
    return (
      <div class="error" role="alert">
        <p>{t('loadFailed', { message: loaded.error.message })}</p>
        <button type="button" class="secondary" onClick={loaded.reload}>
          {t('retry')}
        </button>
      </div>
    );
  }
  if (loaded.data === undefined) return <p role="status">{t('loading')}</p>;
  return <>{children(loaded.data)}</>;
}
