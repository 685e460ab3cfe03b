import type { ComponentChildren } from 'preact';

/**
 * A wide table's scroll box on narrow screens. It can take the focus, so keyboard users can scroll it too, and
 * it is named by the table's caption (as on the other workspace pages).
 */
export function TableWrap({ captionId, children }: { captionId: string; children: ComponentChildren }) {
  return (
    <div class="ws-table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
      {children}
    </div>
  );
}
