import { accessFeatures, categories, costs, formalities, languages, phases, type FacetName, type Term } from '../../../schema';

/** Legends of the filter fieldsets (German UI) and the facet each one shows. */
export const FACET_OF_LEGEND: Record<string, { facet: FacetName; terms: readonly Term[] }> = {
  'Übergangsphase': { facet: 'phase', terms: phases },
  Kategorie: { facet: 'category', terms: categories },
  'Art des Angebots': { facet: 'formality', terms: formalities },
  Barrierefreiheit: { facet: 'access', terms: accessFeatures },
  Sprache: { facet: 'lang', terms: languages },
  Kosten: { facet: 'cost', terms: costs },
};

/** The facet and option id behind a checkbox of the German UI, e.g. ("Kosten", "BuT-fähig") → but/true. */
export function optionOf(legend: string, label: string): { facet: FacetName; id: string } | undefined {
  if (legend === 'Kosten' && label === 'BuT-fähig') return { facet: 'but', id: 'true' };
  const entry = FACET_OF_LEGEND[legend];
  const term = entry?.terms.find((t) => t.label.de === label);
  return entry && term ? { facet: entry.facet, id: term.id } : undefined;
}
