import { zSuggestResponse, type Suggestion } from '../../../schema';
import { getJson } from './client';

/** Categories, places and titles for the first letters typed into the search field. */
export async function fetchSuggestions(q: string, signal?: AbortSignal): Promise<Suggestion[]> {
  return (await getJson(`/api/suggest?q=${encodeURIComponent(q)}&limit=8`, zSuggestResponse, signal)).suggestions;
}
