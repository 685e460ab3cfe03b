import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useWorkspace } from '../context';

let firstPage = true;

/**
 * A page with its `h1`. The document title follows the heading, and after a client-side navigation the
 * heading takes the focus, so a screen reader announces the new page the way a full page load would.
 */
export function Page({ title, children, wide }: { title: string; children: ComponentChildren; wide?: boolean }) {
  const { i18n } = useWorkspace();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${i18n.t('appTitle')}`;
  }, [title, i18n]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else heading.current?.focus();
  }, []);
  return (
    <div class={wide ? 'ws-page ws-page--wide' : 'ws-page'}>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
