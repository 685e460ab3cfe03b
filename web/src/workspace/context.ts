// Every page chunk imports this module, so through these imports every page chunk reaches the same modules of
// the family bundle as the workspace chunk does. Without them rolldown (1.2) sees several groups of shared
// modules with different importers, fails to merge them into the entry chunk and splits them into an extra
// chunk that the search page would have to load first (rolldown issues #9963, #10731).
import '../../../schema';
import '../api/client';
import '../i18n/i18n';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ClientConfig, Me, Taxonomy } from '../../../schema';
import type { I18n } from '../i18n/i18n';
import type { UiLanguage } from '../state/search-state';

export interface Workspace {
  lang: UiLanguage;
  /** undefined while the session is being checked; null when nobody is signed in. */
  me: Me | null | undefined;
  setMe(me: Me | null): void;
  /** The family app's i18n: vocabulary labels from /api/taxonomy, dates and numbers in the interface language. */
  i18n: I18n;
  clientConfig: ClientConfig | null;
  /** The vocabularies from /api/taxonomy (null while loading): the choices of the forms. */
  taxonomy: Taxonomy | null;
  /** A workspace path with the interface language kept (`?ui=en`). */
  href(path: string): string;
  /** Client-side navigation to a workspace path (language kept). */
  go(path: string, replace?: boolean): void;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside the workspace app');
  return workspace;
}
