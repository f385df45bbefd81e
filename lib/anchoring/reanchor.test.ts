import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boundedEditDistance, MIN_ACCEPTED_SIMILARITY, reanchorClaims, type ClaimAnchor } from "./reanchor";
import { describeQuote } from "./text-quote";
import { diffTexts, mapOffset } from "./text-diff";

const claimAt = (text: string, phrase: string, id = phrase): ClaimAnchor => {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`no "${phrase}"`);
  return { id, start, end: start + phrase.length, ...describeQuote(text, { start, end: start + phrase.length }) };
};

const levenshtein = (a: string, b: string) => boundedEditDistance(a, b, Math.max(a.length, b.length));

describe("boundedEditDistance", () => {
  it("equals the Levenshtein distance when within the bound, and says 'more' otherwise", () => {
    expect(boundedEditDistance("kitten", "sitting", 3)).toBe(3);
    expect(boundedEditDistance("kitten", "sitting", 2)).toBe(3);
    expect(boundedEditDistance("", "abc", 5)).toBe(3);
    expect(boundedEditDistance("Angela Stant", "Angela Stent", 4)).toBe(1);
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), fc.nat(25), (a, b, k) => {
        const full = levenshtein(a, b);
        expect(boundedEditDistance(a, b, k)).toBe(full <= k ? full : k + 1);
      }),
    );
  });
});

describe("diffTexts / mapOffset", () => {
  it("maps unchanged text exactly and a rewritten word to its replacement", () => {
    const before = "The minister said inflation fell to 3 percent in May.";
    const after = "Update: the minister said inflation fell to 4 percent in May.";
    const diff = diffTexts(before, after);
    const at = (s: string, t: string) => [before.indexOf(s), after.indexOf(t)];
    const [o, n] = at("minister", "minister");
    expect(mapOffset(diff, o, "start")).toEqual({ offset: n, exact: true });
    const [o3, n4] = at("3 percent", "4 percent");
    expect(mapOffset(diff, o3, "start")).toMatchObject({ offset: n4, exact: false });
    // An end inside a rewritten word maps to the end of its replacement token, spaces after it
    // included (re-anchoring trims them).
    expect(mapOffset(diff, o3 + 1, "end")).toMatchObject({ offset: n4 + "4 ".length, exact: false });
  });
});

describe("reanchorClaims", () => {
  const sample = readFileSync(path.join(process.env.FACTMARK_SHARED_DIR ?? path.resolve(__dirname, "../../../shared"), "fixtures/articles/biden-putin-scraped.txt"), "utf8");

  it("keeps claims INTACT when the text is the same and MOVED when text is inserted before them", () => {
    const text = "Russia annexed Crimea from Ukraine in 2014. The war began in 2022.";
    const claims = [claimAt(text, "Russia annexed Crimea from Ukraine in 2014"), claimAt(text, "The war began in 2022")];
    expect(reanchorClaims(text, text, claims).summary).toEqual({ intact: 2, moved: 0, changed: 0, orphaned: 0 });
    const updated = `Updated on Tuesday with comment from Kyiv.\n\n${text}`;
    const { results, summary } = reanchorClaims(text, updated, claims);
    expect(summary).toEqual({ intact: 0, moved: 2, changed: 0, orphaned: 0 });
    for (const r of results) expect(updated.slice(r.start, r.end)).toBe(claims.find((c) => c.id === r.id)!.exact);
  });

  it("follows the sample's corrected names: the claim quoting a misspelled name is CHANGED, the others keep their words", () => {
    const stant = sample.indexOf("Angela Stant");
    expect(stant).toBeGreaterThan(0);
    const sentenceEnd = sample.indexOf(".", stant) + 1;
    const sentenceStart = sample.lastIndexOf("\n", stant) + 1;
    const withName = claimAt(sample, sample.slice(sentenceStart, sentenceEnd).trim(), "name");
    const elsewhere = claimAt(sample, "annexed Crimea", "crimea");
    const corrected = sample.replace("Angela Stant", "Angela Stent").replace("Dara Masicott", "Dara Massicot");
    const { results } = reanchorClaims(sample, corrected, [withName, elsewhere]);
    const byId = new Map(results.map((r) => [r.id, r]));
    expect(byId.get("name")).toMatchObject({ state: "CHANGED", previousExact: withName.exact });
    expect(byId.get("name")!.exact).toBe(withName.exact.replace("Stant", "Stent"));
    expect(byId.get("name")!.score).toBeGreaterThan(0.9);
    expect(["INTACT", "MOVED"]).toContain(byId.get("crimea")!.state);
    expect(corrected.slice(byId.get("crimea")!.start, byId.get("crimea")!.end)).toBe("annexed Crimea");
  });

  it("orphans a claim whose sentence was deleted rather than placing it on another sentence", () => {
    const text = "Prices rose by 4 percent last year. Wages rose by 2 percent last year. Rents were flat.";
    const claim = claimAt(text, "Prices rose by 4 percent last year");
    const after = "Wages rose by 2 percent last year. Rents were flat.";
    expect(reanchorClaims(text, after, [claim]).results[0]).toMatchObject({ state: "ORPHANED", previousExact: claim.exact });
  });

  it("orphans a claim whose last word was cut out of a rewrite that could end it on either side of the new word", () => {
    // "lotesa mijasdel" became "lote": either lotesa was shortened and mijasdel deleted, or
    // lotesa was deleted and mijasdel replaced. The claim ended after lotesa; the text cannot tell
    // whether "lote" is its word, so it asks for attention instead of guessing an edge.
    const text = "Corrute divocor rugal dikacor sadiru cor, jasben lotesa mijasdel, pagalmar rujasben marde.";
    const claim = claimAt(text, "sadiru cor, jasben lotesa");
    const after = "Corrute divocor rugal dikacor sadiru cor, jasben lote, pagalmar rujasben marde.";
    expect(reanchorClaims(text, after, [claim]).results[0]).toMatchObject({ state: "ORPHANED", previousExact: claim.exact });
  });

  it("places an edge that cut a rewrite in proportion to the words on its side (two of three old words → one of two new)", () => {
    const text = "Paben delfendel kelgrehur locor corgalmar gallinmar delfen grerusto telo mi. Mard kelsa.";
    const claim = claimAt(text, "Paben delfendel kelgrehur locor corgalmar gallinmar");
    const after = "Paben delfendel kelgrehur locor but galkaben grerusto telo mi. Mard kelsa.";
    const r = reanchorClaims(text, after, [claim]).results[0];
    expect(r).toMatchObject({ state: "CHANGED", exact: "Paben delfendel kelgrehur locor but" });
  });

  it("keeps the whole new wording when the claim's edge word was rewritten as a whole", () => {
    const text = "The court said that alpha beta ruled on Monday, and the mayor agreed.";
    const claim = claimAt(text, "The court said that alpha beta");
    const after = "The court said that gamma ruled on Monday, and the mayor agreed.";
    expect(reanchorClaims(text, after, [claim]).results[0]).toMatchObject({ state: "CHANGED", exact: "The court said that gamma" });
  });

  it("finds a moved paragraph by its words", () => {
    const paras = ["First paragraph talks about the harbour budget.", "Second paragraph says the council met on Monday.", "Third paragraph quotes the mayor at length."];
    const text = paras.join("\n\n");
    const claim = claimAt(text, "the council met on Monday");
    const after = [paras[1], paras[0], paras[2]].join("\n\n");
    const r = reanchorClaims(text, after, [claim]).results[0];
    expect(r.state).toBe("MOVED");
    expect(after.slice(r.start, r.end)).toBe("the council met on Monday");
  });

  it("uses an editor's proposed mapping, still verified against the quote", () => {
    const text = "The mayor said the budget is balanced.";
    const claim = claimAt(text, "the budget is balanced");
    const after = "The mayor said the new budget is balanced.";
    const good = reanchorClaims(text, after, [claim], { proposed: new Map([[claim.id, { start: after.indexOf("the new"), end: after.length - 1 }]]) });
    expect(good.results[0]).toMatchObject({ state: "CHANGED", exact: "the new budget is balanced" });
    const bogus = reanchorClaims(text, after, [claim], { proposed: new Map([[claim.id, { start: 0, end: 9 }]]) });
    expect(bogus.results[0].exact).not.toBe("The mayor");
  });

  // Texts from a tiny vocabulary repeat words and phrases constantly: the hardest case for a diff.
  const word = fc.constantFrom("the", "cat", "sat", "on", "mat", "a", "dog", "ran", "42", "Putin", "said", "in", "2014");
  const words = fc.array(word, { minLength: 30, maxLength: 120 });
  type Edit = { at: number; op: "sub" | "ins" | "del"; w: string };
  const edits = fc.array(fc.record({ at: fc.nat(), op: fc.constantFrom<"sub" | "ins" | "del">("sub", "ins", "del"), w: word }), { maxLength: 12 });

  /** Applies word edits, tracking where each original word went. */
  function apply(tokens: string[], script: Edit[], protect: (i: number) => boolean) {
    const out = tokens.map((t, i) => ({ t, origin: i as number | null }));
    for (const e of script) {
      const i = e.at % out.length;
      if (out[i].origin !== null && protect(out[i].origin!)) continue;
      if (e.op === "sub") out[i] = { t: e.w, origin: out[i].origin };
      else if (e.op === "ins") out.splice(i, 0, { t: e.w, origin: null });
      else if (out.length > 5) out.splice(i, 1);
    }
    return out;
  }
  const join = (ts: Array<{ t: string }>) => ts.map((x) => x.t).join(" ");
  const startsOf = (ts: Array<{ t: string }>) => {
    const s: number[] = [];
    let at = 0;
    for (const x of ts) {
      s.push(at);
      at += x.t.length + 1;
    }
    return s;
  };

  it("property: a claim whose words and 32 characters of context are untouched ends INTACT or MOVED on exactly the right offsets", () => {
    fc.assert(
      fc.property(words, fc.nat(), fc.integer({ min: 1, max: 8 }), edits, (tokens, startSeed, len, script) => {
        const first = startSeed % (tokens.length - 8);
        const last = Math.min(tokens.length - 1, first + len - 1);
        const text = tokens.join(" ");
        const starts = startsOf(tokens.map((t) => ({ t })));
        const start = starts[first];
        const end = starts[last] + tokens[last].length;
        const claim = { id: "c", start, end, ...describeQuote(text, { start, end }) };
        // Protect every word that touches the claim or its context.
        const protect = (i: number) => starts[i] + tokens[i].length + 1 >= start - 33 && starts[i] <= end + 33;
        const edited = apply(tokens, script, protect);
        const after = join(edited);
        const newStarts = startsOf(edited);
        const k = edited.findIndex((x) => x.origin === first);
        const expectedStart = newStarts[k];
        const r = reanchorClaims(text, after, [claim]).results[0];
        expect(["INTACT", "MOVED"]).toContain(r.state);
        expect({ start: r.start, end: r.end }).toEqual({ start: expectedStart, end: expectedStart + (end - start) });
      }),
      { numRuns: 400 },
    );
  });

  it("property: no claim is ever placed on text less similar to its quote than the accepted score", () => {
    fc.assert(
      fc.property(words, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 10 })), { minLength: 1, maxLength: 6 }), edits, (tokens, spans, script) => {
        const text = tokens.join(" ");
        const starts = startsOf(tokens.map((t) => ({ t })));
        const claims = spans.map(([s, len], i) => {
          const first = s % tokens.length;
          const last = Math.min(tokens.length - 1, first + len - 1);
          const start = starts[first];
          const end = starts[last] + tokens[last].length;
          return { id: `c${i}`, start, end, ...describeQuote(text, { start, end }) };
        });
        const after = join(apply(tokens, script, () => false));
        for (const r of reanchorClaims(text, after, claims).results) {
          if (r.state === "ORPHANED") continue;
          const quote = claims.find((c) => c.id === r.id)!.exact;
          const placed = after.slice(r.start, r.end);
          expect(placed).toBe(r.exact);
          if (r.state !== "CHANGED") expect(placed).toBe(quote);
          expect(1 - levenshtein(placed, quote) / quote.length).toBeGreaterThanOrEqual(MIN_ACCEPTED_SIMILARITY);
        }
      }),
      { numRuns: 400 },
    );
  });
});
