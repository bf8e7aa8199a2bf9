import type { Sentiment } from "@/db/schema";
import { words } from "@/lib/routing/text";

/**
 * A small, explainable classifier for insights that arrive without sentiment or language.
 * It is deliberately simple — good enough to route and to sort, never presented as certain:
 * values it fills in are stored as "derived" and shown as such.
 *
 * Language (German or English): count frequent function words of each language ("und", "nicht",
 * "the", "and", …); umlauts and ß count for German. The language with more hits wins; a tie or
 * no hits leaves the language unknown (null).
 *
 * Sentiment: every word found in the positive lexicon scores +1, in the negative lexicon −1.
 * A negation ("nicht", "kein", "not", "never", "n't" …) flips the next sentiment word within three
 * words, so "nicht gut" is negative and "not bad" positive. Emoticons count like words.
 * Score > 0 → positive, < 0 → negative, 0 → neutral. Words are folded like routing keywords
 * (case, umlauts), and lexicon entries match word prefixes of at least their own length, so
 * "enttaeusch" covers "enttäuscht" and "enttäuschend".
 */

const GERMAN_STOP = new Set(
  "und der die das nicht ist ich sie wir ein eine einen mit auf fuer von zu den dem es bei auch noch wie aber wenn oder sehr kann ihr ihre mein meine habe hat haben seit schon nach leider bitte danke wurde werden wird".split(
    " ",
  ),
);
const ENGLISH_STOP = new Set(
  "the and is are not you your we our it this that with for of to in on my have has had was were be been will would can could please thanks thank since already after but very just".split(
    " ",
  ),
);

const POSITIVE = [
  "gut", "super", "toll", "klasse", "prima", "spitze", "zufrieden", "begeistert", "hervorragend", "exzellent",
  "danke", "dank", "lob", "freue", "freut", "perfekt", "schnell", "zuverlaessig", "empfehle", "empfehlen", "top",
  "genial", "hilfreich", "kompetent", "freundlich", "beeindruck", "stark", "liebe",
  "good", "great", "excellent", "awesome", "amazing", "love", "happy", "satisfied", "thanks", "thank", "perfect",
  "reliable", "recommend", "helpful", "impressive", "fantastic", "wonderful", "nice", "brilliant",
];
const NEGATIVE = [
  "schlecht", "mangel", "defekt", "kaputt", "aerger", "aergerlich", "enttaeusch", "beschwer", "reklamation",
  "problem", "fehler", "ausfall", "ausgefallen", "verspaet", "wartezeit", "warte", "unfreundlich",
  "frech", "skandal", "katastroph", "unzumutbar", "unverschaemt", "schaden", "beschaedigt", "leider", "nie wieder",
  "schlimm", "gefaehrlich", "rueckruf", "boykott", "luege", "betrug", "mies", "nervig", "stoerung",
  "bad", "poor", "broken", "defect", "faulty", "angry", "disappoint", "complaint", "problem", "issue", "failure",
  "failed", "delay", "rude", "scandal", "terrible", "awful", "horrible", "worst", "damaged", "dangerous",
  "recall", "boycott", "fraud", "useless", "annoying", "unacceptable", "never again",
];
const NEGATIONS = new Set(["nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "not", "no", "never", "dont", "doesnt", "isnt", "wasnt", "wont", "cant", "didnt", "nothing"]);

const POSITIVE_EMOJI = /[😀😃😄😁😊🙂😍🥰👍👏❤💯🎉]|:\)|:-\)|;\)/gu;
const NEGATIVE_EMOJI = /[😠😡🤬😞😢😭👎💩😤]|:\(|:-\(/gu;

type Lexicon = { single: Set<string>; lengths: number[]; phrases: string[][] };
const lex = (list: string[]): Lexicon => {
  const single = list.filter((w) => !w.includes(" "));
  return {
    single: new Set(single),
    // Prefix lookups by entry length: a handful of set probes per word instead of a scan of the lexicon.
    lengths: [...new Set(single.map((w) => w.length))].sort((a, b) => a - b),
    phrases: list.filter((w) => w.includes(" ")).map((w) => w.split(" ")),
  };
};
const POS = lex(POSITIVE);
const NEG = lex(NEGATIVE);

function hits(lexicon: Lexicon, ws: string[], i: number): number {
  // Returns how many words the match covers (0 = none).
  for (const p of lexicon.phrases) {
    if (p.every((w, j) => ws[i + j] === w)) return p.length;
  }
  const w = ws[i];
  for (const n of lexicon.lengths) {
    if (n > w.length) break;
    if (lexicon.single.has(w.slice(0, n))) return 1;
  }
  return 0;
}

const classifierWords = (text: string) => words(text.replace(/n't\b/gi, "nt"));

export function detectLanguage(text: string, ws = classifierWords(text)): "de" | "en" | null {
  let de = /[äöüß]/i.test(text) ? 2 : 0;
  let en = 0;
  for (const w of ws) {
    if (GERMAN_STOP.has(w)) de++;
    if (ENGLISH_STOP.has(w)) en++;
  }
  if (de === en) return null;
  return de > en ? "de" : "en";
}

export function sentimentScore(text: string, ws = classifierWords(text)): number {
  let score = 0;
  let negateWithin = 0;
  for (let i = 0; i < ws.length; ) {
    const neg = hits(NEG, ws, i);
    const pos = neg ? 0 : hits(POS, ws, i);
    const polarity = neg ? -1 : pos ? 1 : 0;
    if (polarity !== 0) {
      score += negateWithin > 0 ? -polarity : polarity;
      negateWithin = 0;
      i += neg || pos;
      continue;
    }
    if (NEGATIONS.has(ws[i])) negateWithin = 3;
    else if (negateWithin > 0) negateWithin--;
    i++;
  }
  score += (text.match(POSITIVE_EMOJI)?.length ?? 0) - (text.match(NEGATIVE_EMOJI)?.length ?? 0);
  return score;
}

export function detectSentiment(text: string, ws = classifierWords(text)): Sentiment {
  const s = sentimentScore(text, ws);
  return s > 0 ? "positive" : s < 0 ? "negative" : "neutral";
}

export interface Classified {
  sentiment: Sentiment;
  sentimentDerived: boolean;
  language: string | null;
  languageDerived: boolean;
}

/** Keeps what the source sent; fills in only what is missing and says so. */
export function classify(input: { text: string; sentiment?: Sentiment | null; language?: string | null }): Classified {
  if (input.language && input.sentiment) {
    return { sentiment: input.sentiment, sentimentDerived: false, language: input.language, languageDerived: false };
  }
  const ws = classifierWords(input.text);
  const language = input.language ?? detectLanguage(input.text, ws);
  return {
    sentiment: input.sentiment ?? detectSentiment(input.text, ws),
    sentimentDerived: !input.sentiment,
    language,
    languageDerived: !input.language && language !== null,
  };
}
