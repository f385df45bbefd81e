import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectLanguage } from "./detect-language";
import { importText } from "./import-text";

const SAMPLE = readFileSync(path.resolve(__dirname, "../../../shared/fixtures/articles/biden-putin-scraped.txt"), "utf8");

describe("detectLanguage", () => {
  it("recognises English, French and German news prose", () => {
    expect(detectLanguage(SAMPLE)).toBe("en");
    expect(
      detectLanguage(
        "Le président a déclaré mardi que la réforme des retraites serait présentée au Parlement avant la fin de l'année. Les syndicats, qui dénoncent un projet injuste, appellent à une nouvelle journée de mobilisation dans toute la France.",
      ),
    ).toBe("fr");
    expect(
      detectLanguage(
        "Die Bundesregierung hat am Mittwoch beschlossen, dass die Hilfen für die Ukraine auch im kommenden Jahr fortgesetzt werden. Der Kanzler sagte, es sei nicht die Zeit, sich von den Partnern abzuwenden, und die Opposition kritisierte die Pläne.",
      ),
    ).toBe("de");
  });

  it("stays silent when the text is too short or mixed", () => {
    expect(detectLanguage("Breaking news")).toBeNull();
    expect(detectLanguage("12 345 678 — 2021")).toBeNull();
  });

  it("fills the language of a plain-text import", () => {
    expect(importText(SAMPLE).metadata.language).toBe("en");
  });
});
