// Word lists for names and addresses: the most common German street names, given names and family names,
// and the usual names of schools, churches, youth centres and day care centres.

export const STREETS = [
  'Hauptstraße', 'Schulstraße', 'Gartenstraße', 'Bahnhofstraße', 'Dorfstraße', 'Bergstraße', 'Birkenweg',
  'Lindenstraße', 'Kirchstraße', 'Waldstraße', 'Ringstraße', 'Schillerstraße', 'Goethestraße', 'Mühlenweg',
  'Wiesenweg', 'Jahnstraße', 'Am Sportplatz', 'Friedhofstraße', 'Feldstraße', 'Rosenstraße', 'Poststraße',
  'Mozartstraße', 'Buchenweg', 'Lessingstraße', 'Blumenstraße', 'Eichenweg', 'Am Markt', 'Marktplatz',
  'Kirchplatz', 'Industriestraße', 'Talstraße', 'Uhlandstraße', 'Beethovenstraße', 'Mittelstraße',
  'Sonnenstraße', 'Amselweg', 'Drosselweg', 'Ahornweg', 'Kastanienallee', 'Parkstraße', 'Friedrichstraße',
  'Kantstraße', 'Rathausplatz', 'Am Bach', 'Brunnenstraße', 'Steinweg', 'Neue Straße', 'Kirchgasse',
  'Schlossstraße', 'Burgstraße', 'Wilhelmstraße', 'Bismarckstraße', 'Karlstraße', 'Luisenstraße',
  'Am Anger', 'Im Winkel', 'Tannenweg', 'Fliederweg', 'Grüner Weg', 'Heinestraße', 'Humboldtstraße',
  'Albert-Schweitzer-Straße', 'Geschwister-Scholl-Straße', 'Friedensstraße', 'Bürgermeister-Müller-Straße',
] as const;

export const FEMALE_NAMES = [
  'Anna', 'Maria', 'Sabine', 'Claudia', 'Susanne', 'Julia', 'Katharina', 'Laura', 'Lena', 'Sarah', 'Christina',
  'Petra', 'Monika', 'Andrea', 'Stefanie', 'Nicole', 'Melanie', 'Birgit', 'Ulrike', 'Heike', 'Miriam', 'Leonie',
  'Hannah', 'Aylin', 'Fatma', 'Olena', 'Natalia', 'Agnieszka', 'Elif', 'Mariam', 'Johanna', 'Friederike',
] as const;

export const MALE_NAMES = [
  'Thomas', 'Michael', 'Andreas', 'Stefan', 'Christian', 'Markus', 'Peter', 'Frank', 'Jan', 'Tobias', 'Daniel',
  'Matthias', 'Jürgen', 'Klaus', 'Uwe', 'Florian', 'Sebastian', 'Lukas', 'Jonas', 'Felix', 'Mehmet', 'Ahmad',
  'Dmytro', 'Piotr', 'Murat', 'Karim', 'Johannes', 'Wolfgang', 'Bernd', 'Martin', 'Philipp', 'Simon',
] as const;

export const SURNAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
  'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Schmitz', 'Krause', 'Meier',
  'Lehmann', 'Schmid', 'Schulze', 'Maier', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer', 'Huber',
  'Kaiser', 'Fuchs', 'Peters', 'Lang', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Vogel', 'Yilmaz', 'Kaya',
  'Nowak', 'Kowalski', 'Popescu', 'Haddad', 'Bondarenko', 'Papadopoulos', 'Nguyen', 'Ahmadi',
] as const;

/** Persons schools and streets are named after (all take "-Schule": "Erich-Kästner-Schule"). */
export const NAMESAKES = [
  'Erich-Kästner', 'Astrid-Lindgren', 'Geschwister-Scholl', 'Anne-Frank', 'Albert-Schweitzer', 'Friedrich-Schiller',
  'Johann-Wolfgang-von-Goethe', 'Gebrüder-Grimm', 'Hans-Christian-Andersen', 'Otfried-Preußler',
  'Michael-Ende', 'Pestalozzi', 'Janusz-Korczak', 'Sophie-Scholl', 'Marie-Curie', 'Alexander-von-Humboldt',
  'Theodor-Heuss', 'Carl-Orff', 'Paul-Maar', 'Cornelia-Funke', 'Kurt-Tucholsky', 'Heinrich-Heine',
  'Käthe-Kollwitz', 'Bertha-von-Suttner', 'Friedrich-Fröbel', 'Maria-Montessori',
] as const;

/** Locating names for schools: "Grundschule am Lindenweg". */
export const SCHOOL_SITES = [
  'am Lindenweg', 'am Park', 'am Sonnenhang', 'am Stadtpark', 'am Mühlbach', 'an der Linde', 'am Wall',
  'am Schlossberg', 'im Grünen', 'am Eichenhain', 'am Kirchberg', 'an der Wiese', 'am Hasenberg', 'Nord',
  'Süd', 'West', 'Ost', 'Mitte', 'am Rosenhof', 'am Buchenring', 'am Weinberg', 'an der Aue',
] as const;

/** Feminine school types that combine with both patterns above. */
export const SCHOOL_TYPES = [
  'Grundschule', 'Grundschule', 'Grundschule', 'Gemeinschaftsschule', 'Realschule', 'Gesamtschule',
  'Oberschule', 'Mittelschule', 'Förderschule', 'Grund- und Werkrealschule',
] as const;

export const SECONDARY_SCHOOL_TYPES = ['Gemeinschaftsschule', 'Realschule', 'Gesamtschule', 'Oberschule', 'Mittelschule'] as const;

export const CHURCH_PATRONS = [
  'St. Martin', 'St. Johannes', 'St. Marien', 'St. Petrus', 'St. Michael', 'St. Nikolaus', 'St. Georg',
  'St. Elisabeth', 'St. Laurentius', 'St. Jakobus', 'Heilig Kreuz', 'Christuskirche', 'Pauluskirche',
  'Lukaskirche', 'Versöhnungskirche', 'Friedenskirche', 'Dreifaltigkeit', 'St. Bonifatius',
] as const;

export const YOUTH_HOUSE_NAMES = [
  'Alte Mühle', 'Bahnhof', 'Kompass', 'Freiraum', 'Zeitraum', 'Treibhaus', 'Villa', 'Insel', 'Kiste',
  'Alte Post', 'Scheune', 'Werkstatt', 'Lokschuppen', 'Leuchtturm', 'Oase', 'Zuckerfabrik', 'Pavillon',
] as const;

export const KITA_NAMES = [
  'Sonnenschein', 'Regenbogen', 'Pusteblume', 'Arche Noah', 'Kunterbunt', 'Sternschnuppe', 'Löwenzahn',
  'Wirbelwind', 'Schatzkiste', 'Spatzennest', 'Wichtelhaus', 'Abenteuerland', 'Zwergenland', 'Sonnenblume',
  'Purzelbaum', 'Marienkäfer', 'Traumland', 'Waldwichtel',
] as const;

export const CITY_QUARTERS = [
  'Nord', 'Süd', 'West', 'Ost', 'Mitte', 'Altstadt', 'Innenstadt', 'Weststadt', 'Oststadt', 'Südstadt',
  'Nordstadt', 'am Bahnhof', 'Neustadt', 'Oberdorf', 'Unterdorf',
] as const;

export const SPORTS_CLUB_PREFIXES = ['TSV', 'SV', 'TuS', 'SC', 'FC', 'TV', 'VfL', 'SG', 'DJK', 'VfB', 'TSG'] as const;

export const COMPANY_TRADES = [
  'Metallbau', 'Haustechnik', 'Elektrotechnik', 'Holzbau', 'Maschinenbau', 'Gartenbau', 'Bäckerei',
  'Autohaus', 'Zimmerei', 'Logistik', 'Kunststofftechnik', 'Landtechnik',
] as const;

/** Secondary venues where a provider also runs offerings: [name, dative phrase "in …"]. */
export const SHARED_VENUES: readonly (readonly [string, string])[] = [
  ['Bürgerhaus', 'im Bürgerhaus'],
  ['Gemeindezentrum', 'im Gemeindezentrum'],
  ['Stadtteilzentrum', 'im Stadtteilzentrum'],
  ['Familienzentrum', 'im Familienzentrum'],
  ['Mehrgenerationenhaus', 'im Mehrgenerationenhaus'],
  ['Jugendhaus', 'im Jugendhaus'],
  ['Grundschule am Park', 'in der Grundschule am Park'],
  ['Schulzentrum', 'im Schulzentrum'],
  ['Stadtbibliothek', 'in der Stadtbibliothek'],
  ['Nachbarschaftstreff', 'im Nachbarschaftstreff'],
  ['Rathaus, Sitzungssaal', 'im Rathaus'],
  ['Begegnungsstätte', 'in der Begegnungsstätte'],
];
