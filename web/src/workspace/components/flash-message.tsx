import { useState } from 'preact/hooks';
import { takeFlash } from '../lib/flash';

/** The message the previous page left (see lib/flash.ts), announced politely. */
export function FlashMessage({ extra }: { extra?: string | null }) {
  const [message] = useState(takeFlash);
  const text = extra ?? message;
  return (
    <p class={text ? 'ws-success' : 'ws-status-empty'} role="status">
      {text ?? ''}
    </p>
  );
}
