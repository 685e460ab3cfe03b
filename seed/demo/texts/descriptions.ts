import type { Category } from '../../../schema';
import type { TextContext, TextTemplate } from './context';

// The first sentences of a description, per category: who it is for and what happens. The sentences
// about place, cost, registration and so on follow from sentences.ts.

/** A sentence about the topic when the offering has one, else the fallback. */
function topic(c: TextContext, withTopic: (n: string) => string, fallback: string): string {
  return c.topic.n === '' ? fallback : withTopic(c.topic.n);
}

export interface CategoryTexts {
  intro: readonly TextTemplate[];
  detail: readonly TextTemplate[];
}

export const CATEGORY_TEXTS: Record<Category, CategoryTexts> = {
  tutoring: {
    intro: [
      (c) => `Wir unterstützen ${c.aud.who} gezielt beim Lernen${topic(c, (n) => ` im Fach ${n}`, '')}.`,
      (c) => `Unsere Lernförderung richtet sich an ${c.aud.who}, die Lücken aufholen oder sich auf Klassenarbeiten vorbereiten möchten.`,
      (c) => `In kleinen Gruppen von höchstens vier Personen arbeiten ${c.aud.who} an ihren Aufgaben${topic(c, (n) => ` in ${n}`, '')}.`,
    ],
    detail: [
      () => 'Erfahrene Lehrkräfte und Lehramtsstudierende erklären den Stoff Schritt für Schritt und in Ruhe.',
      () => 'Zu Beginn besprechen wir gemeinsam mit den Eltern, wo es hakt, und legen Lernziele fest.',
    ],
  },
  homework_help: {
    intro: [
      (c) => `Nach der Schule erledigen ${c.aud.who} bei uns ihre Hausaufgaben in ruhiger Atmosphäre.`,
      (c) => `Unsere Hausaufgabenhilfe ist für ${c.aud.who} gedacht, die zu Hause wenig Unterstützung beim Lernen haben.`,
      () => 'Hier gibt es Zeit, Ruhe und jemanden, der bei Fragen zu den Hausaufgaben weiterhilft.',
    ],
    detail: [
      () => 'Ehrenamtliche Helferinnen und Helfer erklären, fragen Vokabeln ab und üben das Lesen.',
      () => 'Zum Abschluss gibt es einen kleinen Imbiss und Zeit zum Spielen.',
    ],
  },
  reading_mentorship: {
    intro: [
      (c) => `Lesepatinnen und Lesepaten besuchen regelmäßig ${c.aud.who} und wecken die Freude an Büchern.`,
      () => 'Einmal pro Woche trifft sich ein Kind mit seiner Lesepatin oder seinem Lesepaten zum gemeinsamen Lesen.',
      (c) => `Unser Leseprojekt richtet sich an ${c.aud.who}, die beim Lesen noch unsicher sind.`,
    ],
    detail: [
      () => 'Gelesen wird, was Spaß macht: Bilderbücher, Comics, Sachbücher oder die erste eigene Geschichte.',
      () => 'Die Patinnen und Paten werden in einer Schulung auf ihre Aufgabe vorbereitet.',
    ],
  },
  language_mentorship: {
    intro: [
      (c) => `Sprachpatinnen und Sprachpaten begleiten ${c.aud.who} dabei, im Alltag Deutsch zu sprechen.`,
      () => 'In festen Tandems treffen sich Ehrenamtliche und neu zugewanderte Menschen, um gemeinsam Deutsch zu üben.',
      (c) => `Unser Sprachpatenprojekt bringt ${c.aud.who} mit Menschen aus ${c.city} zusammen.`,
    ],
    detail: [
      () => 'Die Treffen finden im Café, in der Bibliothek oder bei einem Spaziergang statt, ganz nach Absprache.',
      () => 'Neben der Sprache geht es um Fragen des Alltags: Behördenbriefe, Elternabende, Arzttermine.',
    ],
  },
  german_second_language: {
    intro: [
      (c) => `Der Kurs richtet sich an ${c.aud.who}, die ihre Deutschkenntnisse verbessern möchten.`,
      (c) => `Wir lernen gemeinsam Deutsch für den Alltag${topic(c, (n) => `, Schwerpunkt ist ${n}`, '')}.`,
      (c) => `${c.aud.who.charAt(0).toUpperCase()}${c.aud.who.slice(1)} lernen hier Schritt für Schritt Deutsch als Zweitsprache.`,
    ],
    detail: [
      () => 'Geübt wird mit Situationen aus dem Alltag: Einkaufen, Arztbesuch, Gespräche in Schule und Kita.',
      () => 'Am Ende des Kurses kann eine Prüfung abgelegt werden; wir beraten gern, welches Niveau passt.',
    ],
  },
  culture_mentorship: {
    intro: [
      (c) => `Kulturpatinnen und Kulturpaten nehmen ${c.aud.who} mit auf Entdeckungstouren durch die Kultur in ${c.city}.`,
      (c) => `Gemeinsam mit einer Patin oder einem Paten besuchen ${c.aud.who} ${c.culture}.`,
      () => 'Viele Kinder waren noch nie im Theater oder Museum; unsere Kulturpatenschaften ändern das.',
    ],
    detail: [
      () => 'Was unternommen wird, entscheiden die Tandems gemeinsam: Konzert, Ausstellung, Kino oder Theater.',
      () => 'Eintrittskarten und Fahrkarten werden aus dem Projekt bezahlt.',
    ],
  },
  culture_guides: {
    intro: [
      (c) => `Kulturlotsen laden ${c.aud.who} ein zu entdecken, was ${c.city} an Kultur zu bieten hat.`,
      (c) => `Bei unseren Kulturlotsen-Touren besuchen wir ${c.culture} in der Region.`,
      (c) => `Ausgebildete Kulturlotsinnen und Kulturlotsen begleiten ${c.aud.who} in Museen, Theater und Konzerte.`,
    ],
    detail: [
      () => 'Bei jedem Besuch gibt es einen Blick hinter die Kulissen und Zeit für Fragen.',
      () => 'Die Lotsen sprechen mehrere Sprachen und kennen die Angebote der Stadt.',
    ],
  },
  mentoring: {
    intro: [
      (c) => `Ehrenamtliche Mentorinnen und Mentoren begleiten ${c.aud.who} über ein Jahr lang.`,
      (c) => `In einer Eins-zu-eins-Patenschaft bekommen ${c.aud.who} eine feste Ansprechperson an ihre Seite.`,
      () => 'Unser Mentoringprogramm stärkt junge Menschen dort, wo Familie und Schule allein nicht ausreichen.',
    ],
    detail: [
      () => 'Die Tandems treffen sich etwa einmal pro Woche, lernen gemeinsam oder unternehmen etwas.',
      () => 'Hauptamtliche Koordinatorinnen bringen passende Tandems zusammen und stehen bei Fragen zur Seite.',
    ],
  },
  music_arts: {
    intro: [
      (c) => `Hier können ${c.aud.who} ihre kreative Seite entdecken${topic(c, (n) => `, diesmal dreht sich alles um ${n}`, '')}.`,
      (c) => `Im Kurs finden ${c.aud.who} einen leichten Einstieg${topic(c, (n) => ` in ${n}`, ' in Musik und Kunst')}.`,
      () => 'Vorkenntnisse sind nicht nötig; Instrumente und Material stellen wir zur Verfügung.',
    ],
    detail: [
      () => 'Zum Abschluss zeigen die Teilnehmenden ihre Ergebnisse bei einer kleinen Aufführung oder Ausstellung.',
      () => 'Geleitet wird der Kurs von erfahrenen Künstlerinnen und Musikpädagogen.',
    ],
  },
  sports: {
    intro: [
      (c) => `Bewegung macht Spaß: ${c.aud.who} trainieren bei uns in einer festen Gruppe${topic(c, (n) => `, Schwerpunkt ist ${n}`, '')}.`,
      (c) => `Unser Angebot richtet sich an ${c.aud.who}, die sich gern bewegen und Neues ausprobieren.`,
      (c) => `${topic(c, (n) => `${n} in der Gruppe`, 'Sport in der Gruppe')} stärkt Körper, Ausdauer und Selbstvertrauen.`,
    ],
    detail: [
      () => 'Trainiert wird von lizenzierten Übungsleiterinnen und Übungsleitern.',
      () => 'Eine Vereinsmitgliedschaft ist für die ersten Schnupperstunden nicht nötig.',
    ],
  },
  stem: {
    intro: [
      (c) => `Beim Forschen, Tüfteln und Ausprobieren entdecken ${c.aud.who} Naturwissenschaft und Technik.`,
      (c) => `${topic(c, (n) => `Thema ist ${n}`, 'Thema sind Naturwissenschaft und Technik')}: Wir experimentieren, bauen und programmieren gemeinsam.`,
      (c) => `Unser MINT-Angebot macht ${c.aud.who} neugierig auf Mathematik, Informatik, Naturwissenschaft und Technik.`,
    ],
    detail: [
      () => 'Mädchen und Jungen arbeiten in kleinen Teams an eigenen Projekten.',
      () => 'Alle Geräte, Bausätze und Laptops werden gestellt.',
    ],
  },
  digital_media: {
    intro: [
      (c) => `Wir unterstützen ${c.aud.who} dabei, digitale Medien sicher und sinnvoll zu nutzen.`,
      (c) => `${topic(c, (n) => `Im Mittelpunkt steht ${n}`, 'Im Mittelpunkt steht der Umgang mit digitalen Medien')}: praktisch, verständlich und in kleinen Schritten.`,
      (c) => `Der Kurs richtet sich an ${c.aud.who}, die mehr über Smartphone, Computer und Internet wissen möchten.`,
    ],
    detail: [
      () => 'Eigene Geräte können mitgebracht werden, Leihgeräte sind vorhanden.',
      () => 'Es bleibt viel Zeit für eigene Fragen und zum Ausprobieren.',
    ],
  },
  career_orientation: {
    intro: [
      (c) => `Wir unterstützen ${c.aud.who} dabei, den passenden Weg nach der Schule zu finden.`,
      (c) => `${topic(c, (n) => `Diesmal geht es um ${n}`, 'Es geht um Ausbildung, Studium und Beruf')}: Betriebe aus ${c.district} stellen sich vor.`,
      (c) => `Bei uns lernen ${c.aud.who} Berufe kennen, üben Bewerbungen und knüpfen erste Kontakte zu Betrieben.`,
    ],
    detail: [
      () => 'Bitte bringt, wenn vorhanden, einen Lebenslauf und das letzte Zeugnis mit.',
      () => 'Auszubildende berichten aus ihrem Alltag und beantworten Fragen aus erster Hand.',
    ],
  },
  parent_education: {
    intro: [
      (c) => `Ein Treffpunkt für ${c.aud.who}: Austausch, Information und Beratung in entspannter Runde.`,
      (c) => `${topic(c, (n) => `Thema ist ${n}`, 'Es geht um Fragen rund um Erziehung, Kita und Schule')}; Fachleute geben Tipps für den Familienalltag.`,
      (c) => `Wir laden ${c.aud.who} ein, Fragen zu stellen und andere Familien kennenzulernen.`,
    ],
    detail: [
      () => 'Bei Bedarf übersetzen Sprachmittlerinnen und Sprachmittler.',
      () => 'Bei Kaffee und Tee ist Zeit für Gespräche; Geschwisterkinder sind willkommen.',
    ],
  },
  early_childhood: {
    intro: [
      (c) => `Ein Angebot für ${c.aud.who}: spielen, singen, bewegen und andere Familien treffen.`,
      (c) => `${topic(c, (n) => `Rund um ${n} erleben`, 'Hier erleben')} die Kleinsten gemeinsam mit ihren Eltern spielerisch Neues.`,
      (c) => `Wir begleiten ${c.aud.who} mit Spiel, Musik und Sprache auf dem Weg in Kita und Schule.`,
    ],
    detail: [
      () => 'Eine erfahrene Erzieherin leitet die Gruppe und beantwortet Fragen zur Entwicklung.',
      () => 'Eltern und Kinder nehmen gemeinsam teil; Krabbeldecken und Spielsachen sind vorhanden.',
    ],
  },
  holiday_programme: {
    intro: [
      (c) => `In den ${c.season} wird es bei uns nicht langweilig: ${c.aud.who} erleben eine abwechslungsreiche Ferienwoche.`,
      (c) => `Eingeladen sind ${c.aud.who}${topic(c, (n) => `, das Motto in diesem Jahr: ${n}`, ' zu Spiel, Spaß und Ausflügen')}.`,
      (c) => `Unser Ferienprogramm ist für ${c.aud.who} gedacht: verlässliche Betreuung mit Ausflügen, Spielen und Workshops.`,
    ],
    detail: [
      () => 'Ein warmes Mittagessen und Getränke sind inbegriffen.',
      () => 'Betreut wird von pädagogischen Fachkräften und geschulten Jugendleiterinnen und Jugendleitern.',
    ],
  },
  open_youth_work: {
    intro: [
      (c) => `Unser offener Treff ist für ${c.aud.who} da: einfach vorbeikommen, Freunde treffen, mitmachen.`,
      () => 'Kicker, Billard, Musik und eine offene Tür für alle Fragen: Hier ist Platz für junge Menschen.',
      (c) => `Im Treff finden ${c.aud.who} einen Ort zum Chillen, Reden und für eigene Ideen.`,
    ],
    detail: [
      () => 'Das Team der Jugendarbeit hat ein offenes Ohr und hilft bei Problemen in Schule, Familie oder Ausbildung.',
      () => 'Regelmäßig gibt es Aktionen wie Kochabende, Turniere und Ausflüge.',
    ],
  },
  education_counselling: {
    intro: [
      (c) => `Wir beraten ${c.aud.who} kostenlos und unabhängig zu allen Fragen rund um Bildung.`,
      (c) => `${topic(c, (n) => `Schwerpunkt der Beratung: ${n}`, 'Wir beraten zu Schule, Ausbildung und Weiterbildung')}; gemeinsam finden wir den nächsten Schritt.`,
      (c) => `Die Bildungsberatung unterstützt ${c.aud.who} dabei, sich im Bildungssystem zurechtzufinden.`,
    ],
    detail: [
      () => 'Die Beratung ist vertraulich; auf Wunsch kommen wir auch in Schulen und Familienzentren.',
      () => 'Wir kennen die Angebote in der Region und vermitteln an die passenden Stellen weiter.',
    ],
  },
  adult_education: {
    intro: [
      (c) => `${topic(c, (n) => `Der Kurs zum Thema ${n}`, 'Der Kurs')} richtet sich an ${c.aud.who}, die dazulernen möchten.`,
      (c) => `Lernen in jedem Alter: ${c.aud.who} erweitern hier ihr Wissen in entspannter Atmosphäre.`,
      () => 'Der Kurs vermittelt Grundlagen und viel Praxis; Vorkenntnisse sind nicht erforderlich.',
    ],
    detail: [
      () => 'Die Kursleitung geht auf das Lerntempo der Gruppe ein.',
      () => 'Am Ende erhalten alle Teilnehmenden eine Teilnahmebescheinigung.',
    ],
  },
};
