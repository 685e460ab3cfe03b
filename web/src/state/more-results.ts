import { MAX_PAGE, type OfferingsResponse } from '../../../schema';

/**
 * What the list offers after the last page it loaded (`response`, with `shown` hits listed so far): `'page'`
 * another page, `'limit'` a note that the API serves no page past MAX_PAGE (so the user narrows the search
 * instead), `'none'` nothing, as every hit is shown or no answer has come yet.
 */
export function moreResults(response: Pick<OfferingsResponse, 'page' | 'total'> | null, shown: number): 'page' | 'limit' | 'none' {
  if (!response || shown >= response.total) return 'none';
  return response.page < MAX_PAGE ? 'page' : 'limit';
}
