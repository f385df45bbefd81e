import { describe, expect, it } from "vitest";
import { updateClaimSchema, createSourceSchema } from "@/lib/schemas/claim";
import { assertApprovable, assertTransition, missingForApproval } from "./claim-workflow";
import { commentHtml, sanitizePlainText, sanitizeRichText } from "./sanitize";

describe("claim workflow rules", () => {
  it("lists exactly what approval still needs", () => {
    expect(missingForApproval({ verdictKey: null, rationale: "<p> </p>", sourceCount: 0 })).toEqual(["a verdict", "a rationale", "at least one source"]);
    expect(missingForApproval({ verdictKey: "true", rationale: "<p>ok</p>", sourceCount: 0 })).toEqual(["at least one source"]);
    expect(() => assertApprovable({ verdictKey: "true", rationale: "<p>ok</p>", sourceCount: 1 })).not.toThrow();
    expect(() => assertApprovable({ verdictKey: null, rationale: "", sourceCount: 2 })).toThrow("it needs a verdict and a rationale.");
  });

  it("allows the review steps and refuses skipping review or setting PUBLISHED", () => {
    expect(() => assertTransition("DRAFT", "IN_REVIEW")).not.toThrow();
    expect(() => assertTransition("IN_REVIEW", "APPROVED")).not.toThrow();
    expect(() => assertTransition("APPROVED", "IN_REVIEW")).not.toThrow();
    expect(() => assertTransition("PUBLISHED", "DRAFT")).not.toThrow();
    expect(() => assertTransition("DRAFT", "APPROVED")).toThrow(/Submit it for review first/);
    expect(() => assertTransition("APPROVED", "PUBLISHED")).toThrow(/published with their article/);
  });

});

describe("claim input schemas", () => {
  it("PATCH bodies are strict and need a version", () => {
    expect(updateClaimSchema.safeParse({ statement: "x" }).success).toBe(false);
    expect(updateClaimSchema.safeParse({ version: 1, bogus: 1 }).success).toBe(false);
    expect(updateClaimSchema.safeParse({ version: 1, statement: "x" }).success).toBe(true);
  });

  it("source URLs are http(s) only", () => {
    expect(createSourceSchema.safeParse({ url: "https://example.org" }).success).toBe(true);
    for (const url of ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "//example.org"]) expect(createSourceSchema.safeParse({ url }).success, url).toBe(false);
  });
});

describe("sanitizers", () => {
  it("rich text keeps the allowlist and drops the rest", () => {
    expect(sanitizeRichText(`<p onclick="x">a <a href="javascript:alert(1)">b</a> <script>c</script></p>`)).toBe(`<p>a <a rel="noopener noreferrer nofollow ugc">b</a> </p>`);
    expect(sanitizeRichText("<p></p>")).toBe("");
  });

  it("plain text loses every tag, even encoded ones", () => {
    expect(sanitizePlainText("&lt;script&gt;alert(1)&lt;/script&gt; Hi")).toBe("Hi");
    expect(sanitizePlainText("a < b & c")).toBe("a < b & c");
  });

  it("comment text is escaped with its line breaks kept", () => {
    expect(commentHtml("1 < 2\nok")).toBe("<p>1 &lt; 2<br />ok</p>");
  });
});
