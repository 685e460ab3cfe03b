// The word list behind the decompounder, grouped by theme so a reviewer can see what is covered.
//
// Conventions (checked by buildLexicon in lexicon.ts):
// - lowercase, at least three letters; three-letter entries are deliberate content words only;
// - an entry ending in "-" is a combining form that never stands alone or ends a compound
//   ("sprach-" as in Sprachförderung, "schwimm-" as in Schwimmkurs);
// - plurals are listed where they are not the singular plus e/n/en/er/s (Bücher, Häuser), because
//   the decompounder only strips those regular endings by itself;
// - no function words, prefixes or suffixes ("nach", "ver", "schaft"): they would cut ordinary words;
// - a word is listed also when it must be protected: the tail fallback does not re-split a known
//   word unless what precedes the tail is a particle such as nach- or vor- (so "beispiel" keeps
//   "spiel" out, "begleitung" keeps "leitung" out, "interesse" keeps "essen" out), and the first-part
//   fallback takes the longest listed first part ("schuld" keeps "Schuldner" from "schul").

export const lexiconGroups: Readonly<Record<string, string>> = {
  learning: `
    lernen lern- lerner lernerin lernort lernorte schule schulen schul- schüler schülerin schülerinnen
    unterricht lehrer lehrerin lehrerinnen lehr- lehre lehrgang lehrgänge klasse klassen stufe jahrgang fächer
    stunde stunden förderung förder- nachhilfe hilfe hilfen aufgabe aufgaben prüfung prüfungen klausur
    klausuren abitur zeugnis zeugnisse abschluss abschlüsse zertifikat diplom wissen kompetenz kompetenzen
    fähigkeit fähigkeiten übung übungen training coaching mentoring seminar seminare workshop kurs kurse
    vortrag vorträge lesung lesungen lesen lese- leser leserin vorlesen vorlese- schreiben schreib- schrift
    rechnen rechen- mathe mathematik rechtschreibung grammatik wortschatz schatz konzentration motivation
    strategie strategien methode methoden sprache sprachen sprach- deutsch englisch französisch spanisch
    italienisch türkisch arabisch russisch ukrainisch polnisch persisch kurdisch griechisch latein chinesisch
    herkunft alphabetisierung integration inklusion teilhabe gebärde kita kitas krippe hort vorschule
    grundschule realschule gymnasium oberschule hochschule universität uni studium studien student studentin
    studierende campus mensa pause ganztag bildung erziehung schwäche stärke stärken legasthenie dyskalkulie
    bedarf ziel ziele erfolg chance chancen stube insel nest zimmer
  `,
  people: `
    kind kinder kindheit baby babys säugling säuglinge jugend jugendliche jugendlicher teenager mädchen eltern
    mutter mütter vater väter familie familien geschwister erwachsene erwachsenen erwachsen senior senioren
    seniorin frau frauen männer mensch menschen person personen leute bürger bürgerin nachbar nachbarin freund
    freunde freundin gast gäste besucher besucherin teilnehmer teilnehmerin teilnehmende mitglied mitglieder
    team gruppe gruppen generation generationen pate patin paten patenschaft mentor mentorin mentee tutor
    tutorin lotse lotsin begleiter begleiterin begleitung helfer helferin ehrenamt ehrenamtliche
    ehrenamtlicher freiwillige freiwilliger engagement erzieher erzieherin pädagoge pädagogin pädagogik
    arbeiter arbeiterin mitarbeiter mitarbeiterin fachkraft kraft kräfte trainer trainerin leiter leiterin
    leitung referent referentin dozent dozentin coach berater beraterin therapeut therapeutin psychologe
    psychologin arzt ärztin hebamme zuwanderer migranten migrantin geflüchtete flüchtling flüchtlinge
    alleinerziehende behinderung beeinträchtigung vielfalt azubi azubis lehrling meister nachwuchs blinde
    gehörlose rollstuhl braille autismus polizei
  `,
  support: `
    betreuung beratung begegnung unterstützung assistenz beistand orientierung vermittlung stelle sprech-
    gespräch gespräche dialog austausch netz mediation streit schlichtung schlichter konflikt konflikte gewalt
    prävention schutz sicherheit sucht krise krisen notfall ernährung gesundheit entspannung stress therapie
    medizin logopädie ergotherapie psychologie vorsorge impfung stärkung vertrauen gefühl gefühle körper
    wahrnehmung kommunikation mobbing zivilcourage trennung scheidung schuldner schwerpunkt mobilität
  `,
  career: `
    beruf berufe ausbildung ausbildungen praktikum praktika praktikant praktikantin bewerbung bewerbungen
    lebenslauf vorstellung interview job jobs arbeit arbeiten arbeitswelt arbeitsmarkt markt karriere
    unternehmen firma firmen betrieb betriebe handwerk industrie wirtschaft verwaltung pflege qualifikation
    weiterbildung fortbildung umschulung studienwahl berufswahl einstieg start perspektive zukunft erfahrung
    schnupper- probe messe dienst kammer gastronomie handel
  `,
  culture: `
    kultur kulturen kunst künste künstler künstlerin musik musiker musikerin theater tanz tänze tanzen chor
    chöre orchester ensemble instrument instrumente gitarre klavier geige flöte trommel schlagzeug gesang
    singen sing- konzert konzerte oper musical hiphop mal- malen maler malerin malerei zeichnen zeichen bild
    bilder foto fotos fotografie film filme kino video videos radio podcast zeitung zeitschrift magazin comic
    comics bühne schauspiel schauspieler schauspielerin puppe puppen zirkus akrobatik zauber literatur poesie
    geschichte geschichten märchen erzählen erzähl- buch bücher bibliothek bücherei museum museen ausstellung
    ausstellungen galerie archiv atelier studio denkmal heimat tradition werkstatt werkstätten werk werke
    werken basteln bastel- nähen näh- stricken häkeln töpfern keramik holz metall stoff papier farbe farben
    pinsel design mode kreativ schmuck gestaltung kreativität fantasie hand erinnerung planetarium
  `,
  sport: `
    sport sportart sportarten bewegung spiel spiele spielen fußball basketball handball volleyball tennis
    tischtennis badminton hockey ball schwimmen schwimm- schwimmer bad turnen turn- halle laufen lauf- joggen
    rad fahr- fahren klettern kletter- reit- pferd pferde yoga fitness gymnastik leichtathletik judo karate
    kampf kampfsport boxen segeln rudern paddeln kanu surfen skaten skateboard ski schlitten eislaufen schach
    turnier wettkampf liga mannschaft verein vereine abzeichen seepferdchen
  `,
  nature: `
    natur umwelt garten gärten wald wälder wiese feld bauernhof hof zoo tierpark park see meer wasser strand
    klima energie pflanze pflanzen blume blumen baum bäume biene bienen insekten vogel vögel nachhaltigkeit
    acker beet gemüse obst kräuter imkerei
  `,
  science: `
    forschung forscher forscherin forsch- labor experiment experimente wissenschaft technik technologie
    informatik computer programmieren programmier- code coding robotik roboter elektronik physik chemie
    biologie astronomie mint digital digitalisierung internet online medien medium tablet laptop smartphone
    handy software gaming games app maker makerspace entdecker entdeckerin erfinder erfinderin tüftler modell
    werkzeug werkzeuge maschine reparatur
  `,
  society: `
    demokratie politik gesellschaft beteiligung partizipation parlament rat kinderrechte menschenrechte
    religion kirche kirchen kirch- gemeinde moschee synagoge glaube frieden toleranz respekt rassismus
    diskriminierung gleichberechtigung verbraucher verkehr geld finanzen schulden
  `,
  everyday: `
    freizeit freizeiten ausflug ausflüge reise reisen fahrt fahrten wanderung wandern wander- führung
    führungen rallye tour camp lager zeltlager exkursion aktion aktionen aktivität aktivitäten essen ess-
    kochen koch köchin küche backen back- frühstück brot kuchen haushalt wohnung wohnen wohn- alltag spielzeug
    angebot angebote programm programme projekt projekte veranstaltung veranstaltungen initiative treff
    treffen treffpunkt café cafe club clubs klub runde zirkel stammtisch teilnahme anmeldung kosten beitrag
    preis spende spenden stiftung förderverein material materialien heft hefte stift kleidung kleider tausch
  `,
  time: `
    montag dienstag mittwoch donnerstag freitag samstag sonntag sommer winter frühling frühjahr herbst oster-
    ostern pfingst- pfingsten weihnacht weihnachten advent fasching karneval ferien urlaub wochenende woche
    wochen tag morgen vormittag mittag nachmittag abend nacht jahr jahre monat monate zeit termin termine
    kalender saison
  `,
  places: `
    stadt städte dorf dörfer land region kreis bezirk quartier stadtteil ort raum räume platz plätze zentrum
    zentren haus häuser heim stätte büro amt agentur einrichtung einrichtungen gemeinschaft bahn bus
  `,
  // Adjectives and stems that mostly occur as first parts (Frühförderung, Einzelunterricht).
  modifiers: `
    früh klein groß hoch haupt gesamt grund einzel- sozial jung deutschland europa welt himmel sonne mond
  `,
  misc: `
    vorbereitung brief briefe schwangere schwangerschaft geburt krabbel- pekip massage talent talente begabte
    begabung freude spaß abenteuer mobil zauberer erlebnis erlebnisse müll recycling upcycling gärtnern imker
    wetter zahl zahlen löten drucker mikroskop ballett blockflöte posaune trompete saxophon cello violine
    keyboard ukulele akkordeon noten hör- trick animation kamera graffiti schnitzeljagd brett karte karten
    lego rettung verteidigung parkour trampolin fechten angeln feuer feuerwehr pfadfinder streetwork armut
    tafel mittler dolmetscher übersetzung trauer krankheit mehr- willkommen asyl information informationen
    info infos börse center praxis produktion gründung existenz übergang management mappe führer schein
    herberge hütte schloss mediathek farm halb- drogen alkohol hygiene idee ideen frage fragen thema themen
    leben kontakt partner partnerin kooperation gedicht gedichte lied lieder anfänger anfängerin einsteiger
    fortgeschrittene babysitter
  `,
  // Ordinary words listed only so that the fallbacks leave them whole (Bei-spiel, Inter-essen) or
  // read them right (Schuld-ner, not Schul-dner); see the note at the top.
  protected: `
    schuld schulter lebendig beispiel interesse interessen einfach redaktion reaktion verband antwort
    hintergrund untersucht transport distanz akzeptanz substanz instanz mehrfach vielfach
  `,
};
