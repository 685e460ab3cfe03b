import type { ComponentChildren } from 'preact';
import type { OfferingsResponse } from '../../../../schema';
import { lazyModule, useLazyModule } from '../../lib/lazy-module';
import type { SearchState } from '../../state/search-state';
import type { parts } from './search-guidance';

// Chips, the relaxed-query note, the broader searches and the note on a limited search come only with some
// answers: their code and texts load right after the first paint, in parallel with the first search, instead
// of in the first bundle.
const guidance = lazyModule(() => import('./search-guidance'));

interface Props {
  part: keyof typeof parts;
  response: OfferingsResponse;
  state: SearchState;
  update(next: SearchState): void;
  /** Shown while the code loads, and if loading it failed (a later search tries again). */
  fallback?: ComponentChildren;
}

/** One part of the search guidance, once its code has loaded (`fallback` before). */
export function Guidance({ part, fallback = null, ...props }: Props) {
  const module = useLazyModule(guidance, true).value;
  if (!module) return <>{fallback}</>;
  const Part = module.parts[part];
  return <Part {...props} />;
}
