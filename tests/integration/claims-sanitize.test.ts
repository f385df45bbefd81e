import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { describeRange } from "@/lib/anchoring";
import { createClaim } from "@/lib/server/claims/create-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { addComment } from "@/lib/server/comments/add-comment";
import { addSource } from "@/lib/server/sources/add-source";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

const PAYLOADS = readFileSync("/work/shared/fixtures/security/xss-payloads.txt", "utf8")
  .split("\n")
  .filter((l) => l.trim());

/** Every 150th payload plus a few classics: a sample across the whole list. */
const SAMPLE = [
  ...PAYLOADS.filter((_, i) => i % 150 === 0),
  `<a href="javascript:alert(1)">x</a>`,
  `<a href=" JaVaScRiPt:alert(1)">x</a>`,
  `<p onclick="alert(1)">p</p><script>alert(1)</script>`,
  `<iframe src="https://evil.example"></iframe><style>*{}</style>`,
  `&lt;script&gt;alert(1)&lt;/script&gt;`,
];

const ALLOWED = new Set(["B", "STRONG", "I", "EM", "A", "UL", "OL", "LI", "P", "BR"]);

/** Parses stored rich text and fails on any element, attribute or URL outside the allowlist. */
function assertSafeRichText(html: string, payload: string) {
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  for (const el of document.querySelectorAll("#root *")) {
    expect(ALLOWED.has(el.tagName), `${el.tagName} from ${payload}`).toBe(true);
    for (const attr of Array.from(el.attributes) as { name: string; value: string }[]) {
      expect(el.tagName === "A" && ["href", "rel"].includes(attr.name), `${attr.name} on ${el.tagName} from ${payload}`).toBe(true);
      if (attr.name === "href") expect(attr.value, payload).toMatch(/^(https?:|mailto:)/i);
    }
  }
}

function assertPlainText(value: string | null, payload: string) {
  expect(value ?? "", payload).not.toMatch(/<\s*[a-z!/?]/i);
}

describe("sanitization of claim fields (XSS payload sample)", () => {
  it(`stores ${SAMPLE.length} payloads in rationale, comment, claimant and source title without markup that could run`, async () => {
    const ws = await createWorkspaceWithMembers();
    const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id });
    const sel = describeRange(article.canonicalText, { start: 0, end: 6 });
    let claim = await createClaim({ actor: ws.actors.editor, articleId: article.id, input: { target: { selector: [sel.quote, sel.position] } } });
    for (const payload of SAMPLE) {
      claim = await updateClaim({
        actor: ws.actors.editor,
        claimId: claim.id,
        version: claim.version,
        patch: { rationale: `<p>ok ${payload}</p>`, claimant: `Name ${payload}`.slice(0, 200), statement: `S ${payload}`.slice(0, 1000) },
      });
      assertSafeRichText(claim.rationale, payload);
      assertPlainText(claim.claimant, payload);
      assertPlainText(claim.statement, payload);
      const src = await addSource({ actor: ws.actors.editor, claimId: claim.id, input: { url: "https://example.org/", title: `T ${payload}`.slice(0, 500), excerpt: payload.slice(0, 5000) } });
      assertPlainText(src.title, payload);
      assertPlainText(src.excerpt, payload);
      claim = { ...claim, version: src.claimVersion };
      const comment = await addComment({ actor: ws.actors.editor, claimId: claim.id, input: { body: `c ${payload}` } }).catch((e) => e);
      // A comment that is nothing but markup is refused as empty; otherwise it is stored safe.
      if ("body" in comment) assertSafeRichText(comment.body, payload);
      else expect(comment).toMatchObject({ code: "UNPROCESSABLE" });
    }
  });

  it("keeps the allowed formatting and forces rel on links", async () => {
    const ws = await createWorkspaceWithMembers();
    const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id });
    const sel = describeRange(article.canonicalText, { start: 0, end: 6 });
    const claim = await createClaim({
      actor: ws.actors.editor,
      articleId: article.id,
      input: {
        target: { selector: [sel.quote, sel.position] },
        rationale: `<p><strong>Bold</strong> <em>it</em> <a href="https://x.org" target="_blank" onclick="x()">link</a></p><ul><li>one</li></ul><h1>big</h1>`,
        claimant: "AT&T <b>Inc</b>",
      },
    });
    expect(claim.rationale).toBe(`<p><strong>Bold</strong> <em>it</em> <a href="https://x.org" rel="noopener noreferrer nofollow ugc">link</a></p><ul><li>one</li></ul>big`);
    expect(claim.claimant).toBe("AT&T Inc");
  });
});
