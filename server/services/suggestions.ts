import { categories, type Suggestion, type SuggestQuery } from '../../schema';
import type { RegionLookup } from './region-lookup';
import { foldName } from '../lib/fold-name';
import type { SearchVocabulary } from './search-vocabulary';

// Suggestions while typing in the family page's search field: categories, places and titles many
// offerings share. Everything is answered from memory (taxonomy, gazetteer, title snapshot); no search
// engine round trip, so each answer takes well under the 50 ms a keystroke can wait.

const MAX_CATEGORIES = 3;
const MAX_PLACES = 3;

const categoryWords = categories.map((c) => ({
  category: c,
  words: foldName(`${c.label.de} ${c.label.en}`).split(' '),
}));

function matchingCategories(typed: string): Suggestion[] {
  const parts = foldName(typed).split(' ').filter(Boolean);
  if (parts.length === 0) return [];
  return categoryWords
    .filter(({ words }) => parts.every((p) => words.some((w) => w.startsWith(p))))
    .slice(0, MAX_CATEGORIES)
    .map(({ category }) => ({ kind: 'category', id: category.id, label: category.label }));
}

export function suggest(query: SuggestQuery, regions: RegionLookup, vocabulary: SearchVocabulary): Suggestion[] {
  const found: Suggestion[] = matchingCategories(query.q);
  const places = regions.find({ q: query.q, limit: MAX_PLACES }).filter((p) => p.level !== 'land' || query.q.length >= 4);
  // Titles fill what categories leave, but room stays for two places at the end of the list.
  const titleRoom = Math.max(0, query.limit - found.length - Math.min(places.length, 2));
  const titles: Suggestion[] = vocabulary
    .titles(query.q, titleRoom)
    .map((t) => ({ kind: 'title', text: t.text, count: t.count }));
  const placeSuggestions: Suggestion[] = places.map((place) => ({ kind: 'place', place }));
  return [...found, ...titles, ...placeSuggestions].slice(0, query.limit);
}
