import type { Category, Formality, Language } from '../../../schema';
import type { Audience, AudienceId } from '../audiences';
import type { HolidaySeason } from '../holidays';
import type { ScheduleKind } from '../profiles';

/** A subject or activity an offering is about, in the forms the templates need. */
export interface Topic {
  /** Noun as it stands alone: "Mathematik", "Robotik", "Forscherwoche im Wald". */
  n: string;
  /** Compound for the course or format: "Mathenachhilfe", "Robotikkurs", "Schwimmkurs". */
  k: string;
  /** A category the topic brings along (a holiday week about robots is also STEM). */
  cat?: Category;
  /** A language the offering is then also held in (an English course). */
  lang?: Language;
  /** The youngest and oldest age the topic suits. */
  min?: number;
  max?: number;
}

/** Everything a title or description template may mention, chosen before any text is written. */
export interface TextContext {
  aud: Audience;
  topic: Topic;
  city: string;
  district: string;
  /** Where it happens, as a phrase: "im Jugendhaus Alte Mühle", "in der Stadtbibliothek". */
  at: string;
  provider: string;
  season: HolidaySeason;
  /** German names of the other languages it is held in: "Arabisch und Ukrainisch" ('' when none). */
  languages: string;
  /** The first of them, or "Arabisch" when there is none (for language tandem titles). */
  other: string;
  /** Kinds of cultural venues: "Museen und Theater". */
  culture: string;
  schedule: string;
  /** The price as people say it, "15 € pro Monat" ('' when free). */
  price: string;
  /** The contact person as subject ("Herr Möller") and after "bei" ("Herrn Möller"). */
  contact: string;
  contactDative: string;
  phone: string;
}

export type TextTemplate = (c: TextContext) => string;

/** A title template and what choosing it implies for the rest of the offering. */
export interface Theme {
  title: TextTemplate;
  audiences?: readonly AudienceId[];
  categories?: readonly Category[];
  formality?: Formality;
  /** The title promises it: Lernförderung nach BuT. */
  but?: boolean;
  childcare?: boolean;
  schedule?: ScheduleKind;
  /** The title names a language besides German, so the offering must be held in one. */
  otherLanguage?: boolean;
}
