import type { OfferingsResponse } from '../../../../schema';
import { lazyModule, useLazyModule } from '../../lib/lazy-module';
import type { SearchState } from '../../state/search-state';

// Chips, the relaxed-query note and the broader searches come only with some answers: their code loads right
// after the first paint, in parallel with the first search, instead of in the first bundle.
const guidance = lazyModule(() => import('./search-guidance'));

interface Props {
  part: 'query' | 'alternatives';
  response: OfferingsResponse;
  state: SearchState;
  update(next: SearchState): void;
}

/** One part of the search guidance, once its code has loaded (nothing before). */
export function Guidance({ part, ...props }: Props) {
  const module = useLazyModule(guidance, true);
  if (!module) return null;
  const Part = part === 'query' ? module.QueryGuidance : module.Alternatives;
  return <Part {...props} />;
}
