import { toCsvFile } from './export-offerings';
import { offeringColumns } from './offering-columns';
import type { OfferingFields, ParsedSite } from './parse-offerings';

// The example row shows each column filled the way the import reads it: labels for lists, "ja"/"nein",
// German dates. It must itself import without errors (a test checks that).

const exampleSite: ParsedSite = { name: 'Pfarrheim St. Michael', street: 'Stadtplatz 3', postcode: '94209', city: 'Regen' };

const example: OfferingFields = {
  title: 'Hausaufgabenhilfe für Grundschulkinder',
  description:
    'Ehrenamtliche helfen Kindern der 1. bis 4. Klasse bei den Hausaufgaben und beim Lernen für Proben. ' +
    'Bitte das Hausaufgabenheft mitbringen.',
  categories: ['homework_help', 'tutoring'],
  formality: 'non_formal',
  phases: ['primary_school'],
  minAge: 6,
  maxAge: 10,
  access: ['step_free', 'public_transport'],
  languages: ['de', 'tr'],
  cost: 'free',
  costNote: null,
  butEligible: false,
  childProtection: ['criminal_record_check', 'safeguarding_concept'],
  capacity: 12,
  seatsAvailable: 3,
  waitingList: false,
  schedule: {
    text: 'Montag bis Donnerstag 14–16 Uhr, nicht in den Schulferien',
    rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH',
    startDate: '2025-09-16',
    endDate: '2026-07-31',
  },
  funding: ['municipal', 'self_funded'],
  seeksVolunteers: true,
  contact: {
    name: 'Maria Huber',
    email: 'hausaufgaben@pfarrei-regen.example',
    phone: '09921 123456',
    website: 'https://pfarrei-regen.example/hausaufgaben',
  },
};

/** The empty spreadsheet providers start from: the header and one example row to overwrite. */
export function offeringsTemplateCsv(): Buffer {
  return toCsvFile(offeringColumns, [{ ...example, id: null, site: exampleSite }]);
}
