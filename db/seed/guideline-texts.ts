/** The demo company's guideline texts (German, as a Mittelstand firm would write them). */

const SOCIAL_MEDIA_COMMON = `Diese Leitlinie gilt für alle Beschäftigten der Brenner Antriebstechnik GmbH, wenn sie sich in sozialen Medien äußern – beruflich über einen Unternehmenskanal oder privat mit Bezug zum Unternehmen. Sie ergänzt den Verhaltenskodex und die Betriebsvereinbarung „Digitale Kommunikation“.

## 1. Grundhaltung und Verhalten

- Wir sind freundlich, sachlich und respektvoll – auch wenn der Ton rau wird.
- Wir schreiben nur über das, was wir selbst wissen und verantworten können.
- Beleidigende, diskriminierende oder herabsetzende Inhalte teilen wir nicht, auch nicht als Zitat.
- Wer für einen Unternehmenskanal schreibt, hält sich an den Redaktionsplan der Abteilung.

## 2. Vertraulichkeit

Interne Informationen bleiben intern. Dazu gehören insbesondere:

- Preise, Angebote, Konditionen und Kundennamen,
- Entwicklungsprojekte, Prototypen und Prüfergebnisse,
- Zahlen, die noch nicht veröffentlicht sind (Umsatz, Auftragseingang, Personalplanung),
- Fotos aus Werkhallen und Laboren, auf denen Maschinen, Zeichnungen oder Bildschirme zu erkennen sind.

Im Zweifel gilt: erst fragen, dann posten.

## 3. Offenlegung als Mitarbeiterin oder Mitarbeiter

Wer sich privat zu Produkten oder Themen der Brenner Antriebstechnik äußert, macht deutlich, dass er oder sie hier arbeitet (z. B. „Ich arbeite bei Brenner Antriebstechnik“). Private Meinungen kennzeichnen wir als solche. Bezahlte oder geschenkte Empfehlungen gibt es nicht.

## 4. Umgang mit Kritik

- Berechtigte Kritik nehmen wir ernst und bedanken uns dafür.
- Wir antworten nicht aus dem Affekt und diskutieren Einzelfälle nicht öffentlich aus.
- Beschwerden zu Produkten oder Lieferungen leiten wir an den Kundenservice weiter und teilen der Person mit, wie es weitergeht.
- Falschbehauptungen korrigieren wir freundlich mit Fakten – einmal, nicht in Endlosschleifen.
`;

const ESCALATION_V1 = `## 5. Eskalation an die zentrale Einheit

Fällt Ihnen eine Häufung kritischer Beiträge auf, melden Sie dies der zentralen Social-Media-Einheit in der Unternehmenskommunikation (social-media@brenner-antriebe.example).
`;

const ESCALATION_V2 = `## 5. Eskalation an die zentrale Einheit

Melden Sie sich **sofort** bei der zentralen Social-Media-Einheit in der Unternehmenskommunikation (social-media@brenner-antriebe.example, Telefon -4711), wenn

- sich kritische Beiträge zu einem Thema innerhalb weniger Stunden häufen,
- Medien, Behörden oder Verbände öffentlich Fragen stellen,
- Sicherheitsmängel, Unfälle oder Rückrufe angesprochen werden,
- Kolleginnen oder Kollegen persönlich angegriffen werden.

Antworten Sie in diesen Fällen nicht selbst, sondern überlassen Sie die Reaktion der zentralen Einheit. Sie stimmt sich mit der Geschäftsführung und bei Bedarf mit der Rechtsabteilung ab.
`;

const DATA_PROTECTION_V1 = `## 6. Datenschutz

Personenbezogene Daten von Kundinnen, Kunden und Bewerbenden veröffentlichen wir nicht. Fotos von Personen posten wir nur mit deren Einwilligung.
`;

const DATA_PROTECTION_V2 = `## 6. Datenschutz

- Personenbezogene Daten von Kundinnen, Kunden, Bewerbenden und Beschäftigten veröffentlichen wir nicht – auch nicht in Screenshots.
- Fotos und Videos von Personen posten wir nur mit deren schriftlicher Einwilligung; das Formular liegt im Intranet.
- Anfragen, die persönliche Daten enthalten, beantworten wir nicht öffentlich, sondern bitten um eine Direktnachricht oder E-Mail.
- Die Auswertung von Kanälen dient der Kommunikation mit der Öffentlichkeit, nicht der Leistungs- oder Verhaltenskontrolle von Beschäftigten (Betriebsvereinbarung „Digitale Kommunikation“, § 4).
`;

export const SOCIAL_MEDIA_V1 = `# Social-Media-Leitlinie

${SOCIAL_MEDIA_COMMON}
${ESCALATION_V1}
${DATA_PROTECTION_V1}`;

export const SOCIAL_MEDIA_V2 = `# Social-Media-Leitlinie

${SOCIAL_MEDIA_COMMON}
${ESCALATION_V2}
${DATA_PROTECTION_V2}`;

export const RECRUITING_V1 = `# Recruiting und Employer Branding in sozialen Netzwerken

Diese Regeln gelten für die Abteilung Personal, wenn sie auf LinkedIn, XING, Instagram oder TikTok für die Brenner Antriebstechnik als Arbeitgeberin wirbt oder mit Bewerbenden spricht.

## Stellenanzeigen und Beiträge

- Stellenanzeigen werden zuerst auf der Karriereseite veröffentlicht und dann in den Netzwerken verlinkt.
- Wir zeigen echte Kolleginnen und Kollegen nur mit deren Einwilligung; Azubi-Beiträge stimmen wir mit der Ausbildungsleitung ab.
- Versprechen zu Gehalt, Homeoffice oder Aufstiegschancen machen wir nur, wenn sie schriftlich geregelt sind.

## Fragen von Bewerbenden

- Allgemeine Fragen beantworten wir innerhalb von zwei Arbeitstagen öffentlich.
- Fragen zu einer konkreten Bewerbung beantworten wir ausschließlich per E-Mail oder Telefon.
- Absagen kommunizieren wir nie über soziale Netzwerke.

## Active Sourcing

- Direktansprachen erfolgen nur über die Firmenprofile oder gekennzeichnete Recruiting-Profile.
- Profile von Kandidatinnen und Kandidaten speichern wir nur im Bewerbermanagementsystem, nicht in privaten Listen.
- Wer nicht antwortet oder absagt, wird nicht erneut angeschrieben.

## Bewertungen auf Arbeitgeberportalen

Auf Bewertungen (z. B. kununu) antwortet ausschließlich die Leitung Personal, sachlich und ohne Rückschlüsse auf die Person.
`;

export const CRISIS_V1 = `# Krisenkommunikation in sozialen Medien

Eine Krise beginnt online oft mit wenigen Beiträgen. Diese Leitlinie regelt, wer in den ersten Stunden was tut.

## Erkennen

Anzeichen einer Krise sind eine plötzliche Häufung negativer Beiträge, Fragen von Journalistinnen oder Journalisten, Hinweise auf Sicherheitsmängel oder Unfälle und Aufrufe zum Boykott.

## Melden

Wer ein Anzeichen sieht, meldet es sofort der zentralen Social-Media-Einheit. Außerhalb der Geschäftszeiten gilt die Rufbereitschaft der Unternehmenskommunikation.

## Reagieren

1. Die zentrale Einheit bestätigt innerhalb einer Stunde öffentlich, dass wir das Thema prüfen.
2. Der Krisenstab (Geschäftsführung, Unternehmenskommunikation, Qualitätsmanagement, Recht) legt die Botschaften fest.
3. Alle Kanäle verwenden dieselben freigegebenen Formulierungen.
4. Geplante Werbebeiträge werden pausiert.

## Nachbereiten

Nach jeder Krise wertet die zentrale Einheit den Verlauf aus und schlägt Änderungen an dieser Leitlinie vor.
`;

export const CRISIS_V2 = CRISIS_V1.replace(
  "4. Geplante Werbebeiträge werden pausiert.",
  "4. Geplante Werbebeiträge werden pausiert – auf allen Kanälen, auch auf denen der Abteilungen.\n5. Beschäftigte äußern sich während einer Krise nicht privat zum Thema, sondern verweisen auf die offiziellen Kanäle.",
);
