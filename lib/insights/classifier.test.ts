import { describe, expect, it } from "vitest";
import { classify, detectLanguage, detectSentiment } from "./classifier";
import { authorAlias } from "./pseudonym";

describe("language detection", () => {
  it("recognises German and English by function words", () => {
    expect(detectLanguage("Ich warte seit drei Wochen auf das Ersatzteil und niemand meldet sich.")).toBe("de");
    expect(detectLanguage("I have been waiting for the spare part and nobody is answering.")).toBe("en");
    expect(detectLanguage("Größe?")).toBe("de");
  });

  it("leaves the language unknown when there is nothing to go by", () => {
    expect(detectLanguage("BX-400 👍")).toBeNull();
    expect(detectLanguage("")).toBeNull();
  });
});

describe("sentiment", () => {
  it("scores German and English lexicon words", () => {
    expect(detectSentiment("Super Service, sehr zufrieden!")).toBe("positive");
    expect(detectSentiment("Das Getriebe ist nach zwei Wochen kaputt, total enttäuschend.")).toBe("negative");
    expect(detectSentiment("Great support, thank you")).toBe("positive");
    expect(detectSentiment("The motor arrived broken, terrible experience")).toBe("negative");
    expect(detectSentiment("Wann beginnt die Messe in Hannover?")).toBe("neutral");
  });

  it("flips a sentiment word after a negation", () => {
    expect(detectSentiment("Das ist nicht gut.")).toBe("negative");
    expect(detectSentiment("Kein Problem, danke!")).toBe("positive");
    expect(detectSentiment("The manual isn't helpful")).toBe("negative");
    expect(detectSentiment("Not bad at all")).toBe("positive");
  });

  it("lets a negation lapse after three words", () => {
    expect(detectSentiment("nicht dass ich wüsste, aber super")).toBe("positive");
  });

  it("counts emoticons and multi-word phrases", () => {
    expect(detectSentiment("Lieferung heute 👍👍")).toBe("positive");
    expect(detectSentiment("Nie wieder bestelle ich hier")).toBe("negative");
  });
});

describe("classify", () => {
  it("keeps sent values and marks only filled-in ones as derived", () => {
    expect(classify({ text: "Das ist nicht gut", sentiment: "positive", language: "de" })).toEqual({
      sentiment: "positive",
      sentimentDerived: false,
      language: "de",
      languageDerived: false,
    });
    expect(classify({ text: "Das ist nicht gut" })).toEqual({
      sentiment: "negative",
      sentimentDerived: true,
      language: "de",
      languageDerived: true,
    });
    expect(classify({ text: "12345" })).toMatchObject({ sentiment: "neutral", sentimentDerived: true, language: null, languageDerived: false });
  });
});

describe("author alias", () => {
  it("is stable per author, independent of case and @, and differs between authors and secrets", () => {
    const a = authorAlias("@Max_Mustermann", "secret-1");
    expect(a).toMatch(/^[0-9A-F]{6}$/);
    expect(authorAlias("max_mustermann", "secret-1")).toBe(a);
    expect(authorAlias("erika", "secret-1")).not.toBe(a);
    expect(authorAlias("max_mustermann", "secret-2")).not.toBe(a);
    expect(a).not.toContain("max");
  });
});
