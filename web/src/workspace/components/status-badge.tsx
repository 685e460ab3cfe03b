import type { Status } from '../../../../schema';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';

/** The state of an entry in words (the colour only repeats what the text says). */
export function StatusBadge({ status }: { status: Status }) {
  const t = useTexts(commonTexts);
  return <span class={`ws-badge ws-badge--${status}`}>{t(`status_${status}`)}</span>;
}
