import type { z } from 'zod';

// One wording of every validation mistake, in German and English, for the forms, the CSV report and the
// API's error details. Schemas in editing.ts carry no messages of their own: they name a rule in
// `params.rule` where a generic message would not say what is wrong.

export type MessageLang = 'de' | 'en';

const rules: Record<string, Record<MessageLang, string>> = {
  ageOrder: { de: 'Das Höchstalter darf nicht unter dem Mindestalter liegen.', en: 'The maximum age must not be below the minimum age.' },
  seatsWithinCapacity: { de: 'Es können nicht mehr Plätze frei sein, als es insgesamt gibt.', en: 'Free places cannot exceed the total number of places.' },
  oneWheelchairLevel: { de: 'Bitte nur eine Angabe zur Rollstuhlgerechtigkeit wählen.', en: 'Choose only one wheelchair accessibility level.' },
  dateOrder: { de: 'Das Enddatum liegt vor dem Startdatum.', en: 'The end date is before the start date.' },
  noRepeats: { de: 'Jeder Eintrag darf nur einmal vorkommen.', en: 'Each entry may appear only once.' },
  postcode: { de: 'Eine Postleitzahl hat fünf Ziffern, z. B. 94209.', en: 'A postcode has five digits, e.g. 94209.' },
  municipalityKey: { de: 'Bitte einen Ort aus der Liste wählen.', en: 'Please choose a place from the list.' },
  regionPrefix: { de: 'Ein Regionalschlüssel hat 2, 3, 5 oder 8 Ziffern, z. B. 09276.', en: 'A region key has 2, 3, 5 or 8 digits, e.g. 09276.' },
  latLngTogether: { de: 'Breite und Länge gehören zusammen.', en: 'Latitude and longitude go together.' },
  coordinatorRegion: { de: 'Koordinierende brauchen eine Region.', en: 'Coordinators need a region.' },
};

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** The message for one zod issue in the given language. */
export function localizeIssue(issue: z.core.$ZodIssue | z.core.$ZodRawIssue, lang: MessageLang): string {
  const de = lang === 'de';
  const rule = (issue as { params?: { rule?: string } }).params?.rule;
  if (rule && rules[rule]) return rules[rule][lang];
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined || issue.input === null || issue.input === '') {
        return de ? 'Bitte ausfüllen.' : 'Please fill this in.';
      }
      const expected = String((issue as { expected?: string }).expected);
      if (expected === 'number' || expected === 'int') return de ? 'Bitte eine Zahl eingeben.' : 'Please enter a number.';
      if (expected === 'boolean') return de ? 'Bitte ja oder nein angeben.' : 'Please answer yes or no.';
      return de ? `Ungültiger Wert (erwartet: ${expected}).` : `Invalid value (expected: ${expected}).`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        return min <= 1
          ? (de ? 'Bitte ausfüllen.' : 'Please fill this in.')
          : (de ? `Mindestens ${min} Zeichen.` : `At least ${min} characters.`);
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return de ? `Bitte mindestens ${min} ${plural(min, 'Eintrag', 'Einträge')} wählen.` : `Choose at least ${min} ${plural(min, 'entry', 'entries')}.`;
      }
      return de ? `Der Wert muss mindestens ${min} sein.` : `Must be at least ${min}.`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return de ? `Höchstens ${max} Zeichen.` : `At most ${max} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') {
        return de ? `Höchstens ${max} ${plural(max, 'Eintrag', 'Einträge')}.` : `At most ${max} ${plural(max, 'entry', 'entries')}.`;
      }
      return de ? `Der Wert darf höchstens ${max} sein.` : `Must be at most ${max}.`;
    }
    case 'invalid_format': {
      const format = (issue as { format?: string }).format;
      if (format === 'email') return de ? 'Bitte eine gültige E-Mail-Adresse eingeben, z. B. name@beispiel.de.' : 'Please enter a valid e-mail address, e.g. name@example.org.';
      if (format === 'url') return de ? 'Bitte eine vollständige Webadresse eingeben, z. B. https://beispiel.de.' : 'Please enter a full web address, e.g. https://example.org.';
      if (format === 'date') return de ? 'Bitte ein Datum im Format JJJJ-MM-TT eingeben.' : 'Please enter a date as YYYY-MM-DD.';
      return de ? 'Das Format stimmt nicht.' : 'The format is not valid.';
    }
    case 'invalid_value': {
      const values = ((issue as { values?: unknown[] }).values ?? []).slice(0, 8).map(String).join(', ');
      return de ? `Unbekannter Wert. Erlaubt: ${values}` : `Unknown value. Allowed: ${values}`;
    }
    case 'unrecognized_keys': {
      const keys = ((issue as { keys?: string[] }).keys ?? []).join(', ');
      return de ? `Unbekannte Felder: ${keys}` : `Unknown fields: ${keys}`;
    }
    case 'not_multiple_of':
      return de ? 'Bitte eine ganze Zahl eingeben.' : 'Please enter a whole number.';
    default:
      return de ? 'Ungültige Angabe.' : 'Invalid value.';
  }
}

/** zod issues as `{ field, message }`, with the field as a dotted path (`schedule.text`). */
export function fieldErrors(error: z.ZodError, lang: MessageLang): { field: string; message: string }[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: localizeIssue(issue, lang) }));
}
