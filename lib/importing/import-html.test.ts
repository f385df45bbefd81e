import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalText } from "@/lib/document/canonical-text";
import { AppError } from "@/lib/errors";
import { importHtml, NOT_AN_ARTICLE } from "./import-html";
import { importMarkdown } from "./import-markdown";

const HTML_DIR = path.resolve(__dirname, "../../../shared/fixtures/articles/html");
const pages = readdirSync(HTML_DIR).filter((name) => statSync(path.join(HTML_DIR, name)).isDirectory());

interface Expected {
  title: string | null;
  byline: string | null;
  lang?: string | null;
  siteName?: string | null;
}

describe("importHtml over the saved news pages", () => {
  it("has the fixtures", () => expect(pages.length).toBeGreaterThanOrEqual(10));

  for (const name of pages) {
    it(`${name}: title, byline and language match the expected metadata`, () => {
      const expected = JSON.parse(readFileSync(path.join(HTML_DIR, name, "expected-metadata.json"), "utf8")) as Expected;
      const result = importHtml(readFileSync(path.join(HTML_DIR, name, "source.html"), "utf8"));
      if (expected.title) expect(result.metadata.title).toBe(expected.title);
      if (expected.byline) expect(result.metadata.byline).toBe(expected.byline);
      if (expected.lang) expect(result.metadata.language?.toLowerCase()).toBe(expected.lang.toLowerCase());
      if (expected.siteName) expect(result.metadata.siteName).toBe(expected.siteName);
      expect(result.importKind).toBe("html");
      expect(canonicalText(result.document).length).toBeGreaterThan(200);
    });
  }

  it("nytimes-1: keeps the story text and drops the page chrome", () => {
    const result = importHtml(readFileSync(path.join(HTML_DIR, "nytimes-1", "source.html"), "utf8"));
    const text = canonicalText(result.document);
    expect(text).toContain("Sudan");
    expect(text).not.toMatch(/Subscribe|Log In|Advertisement/);
  });
});

describe("HTML → document structure", () => {
  const fragment = `
    <h2>Section <em>one</em></h2>
    <p>Plain <strong>bold</strong>, <i>italic</i> and a <a href="https://example.com/a">link</a>.<br>Second line.</p>
    <ul><li>First</li><li><p>Second</p><ol start="3"><li>Nested</li></ol></li></ul>
    <blockquote><p>A quote.</p></blockquote>
    <figure><img src="/img/photo.jpg" alt="A photo"><figcaption>The caption</figcaption></figure>
    <div>Loose text <p>inside</p> after</div>
    <table><tr><th>Name</th><th>Votes</th></tr><tr><td>Ann</td><td>12</td></tr></table>
    <pre>line one
line two</pre>`;
  const { document, metadata } = importHtml(fragment, { sourceUrl: "https://news.example/story" });

  it("maps headings, paragraphs, marks, lists, quotes, figures and tables", () => {
    const [h2, p, ul, bq, fig, ...rest] = document.content;
    expect(h2).toEqual({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Section " }, { type: "text", text: "one", marks: [{ type: "italic" }] }] });
    expect(p).toEqual({
      type: "paragraph",
      content: [
        { type: "text", text: "Plain " },
        { type: "text", text: "bold", marks: [{ type: "bold" }] },
        { type: "text", text: ", " },
        { type: "text", text: "italic", marks: [{ type: "italic" }] },
        { type: "text", text: " and a " },
        { type: "text", text: "link", marks: [{ type: "link", attrs: { href: "https://example.com/a" } }] },
        { type: "text", text: "." },
        { type: "hardBreak" },
        { type: "text", text: "Second line." },
      ],
    });
    expect(ul.type).toBe("bulletList");
    expect(JSON.stringify(ul)).toContain('"orderedList","attrs":{"start":3}');
    expect(bq).toEqual({ type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "A quote." }] }] });
    expect(fig).toEqual({ type: "figure", attrs: { src: "https://news.example/img/photo.jpg", alt: "A photo", caption: "The caption" } });
    expect(rest.map((b) => canonicalText({ type: "doc", content: [b] }))).toEqual([
      "Loose text",
      "inside",
      "after",
      "Name | Votes",
      "Ann | 12",
      "line one\nline two",
    ]);
    // An h2 at the top is a section heading, not the title: it stays in the body.
    expect(metadata.title).toBeNull();
  });

  it("takes the leading heading of a fragment as its title and records the removal", () => {
    const r = importHtml("<h1>Big News Today</h1><p>By Jane Doe</p><p>The first paragraph of the story.</p>");
    expect(r.metadata.title).toBe("Big News Today");
    expect(r.metadata.byline).toBe("Jane Doe");
    expect(canonicalText(r.document)).toBe("The first paragraph of the story.");
    expect(r.removedBlocks.map((b) => b.reason)).toEqual(["Used as the title", "Byline (moved to the article's metadata)"]);
  });

  it("reads clipboard HTML between the fragment markers and removes pasted boilerplate", () => {
    const clip = `<html><body><!--StartFragment--><p>First para of the story.</p><p>- Advertisement -</p><p>Second para.</p><!--EndFragment--></body></html>`;
    const r = importHtml(clip);
    expect(canonicalText(r.document)).toBe("First para of the story.\n\nSecond para.");
    expect(r.removedBlocks).toEqual([{ index: 1, text: "- Advertisement -", reason: "Advertisement marker" }]);
  });

  it("keeps a mailto link but drops javascript: and data: links", () => {
    const r = importHtml('<p><a href="mailto:desk@example.com">mail</a> <a href="javascript:alert(1)">js</a> <a href="data:text/html,x">data</a></p>');
    const json = JSON.stringify(r.document);
    expect(json).toContain("mailto:desk@example.com");
    expect(json).not.toMatch(/javascript:|data:/);
    expect(canonicalText(r.document)).toBe("mail js data");
  });

  it("refuses HTML with no article text, saying what to do", () => {
    for (const html of ["<html><body><script>var a = 1;</script><nav><a href='/'>Home</a></nav></body></html>", "<div><img src='x.png'></div>"]) {
      try {
        importHtml(html);
        throw new Error("expected an error");
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe("UNPROCESSABLE");
        expect((e as AppError).message).toMatch(/no article text.*paste/i);
      }
    }
  });
});

describe("importMarkdown", () => {
  it("parses Markdown with a real parser", () => {
    const r = importMarkdown("# The Title\n\nA *short* **story** with a [link](https://example.com).\n\n> quoted\n\n- one\n- two\n\n1. first\n2. second\n");
    expect(r.importKind).toBe("markdown");
    expect(r.metadata.title).toBe("The Title");
    expect(r.document.content.map((b) => b.type)).toEqual(["paragraph", "blockquote", "bulletList", "orderedList"]);
    expect(JSON.stringify(r.document.content[0])).toContain('"marks":[{"type":"italic"}]');
    expect(JSON.stringify(r.document.content[0])).toContain('"href":"https://example.com/"');
  });

  it("sanitizes raw HTML inside Markdown", () => {
    const r = importMarkdown("Text <script>alert(1)</script><img src=x onerror=alert(1)> end");
    expect(JSON.stringify(r.document)).not.toMatch(/script|onerror|alert/);
  });
});

describe("withoutSiteSuffix", () => {
  it("drops the site name after a separator, and nothing else", async () => {
    const { withoutSiteSuffix } = await import("./import-html");
    expect(withoutSiteSuffix("Port Authority Cuts Fees | Harbour Times", "Harbour Times")).toBe("Port Authority Cuts Fees");
    expect(withoutSiteSuffix("Fees cut - BBC News", "BBC News")).toBe("Fees cut");
    expect(withoutSiteSuffix("Whales | Eleanor Ainge Roy", "the Guardian")).toBe("Whales | Eleanor Ainge Roy");
    expect(withoutSiteSuffix("Harbour Times", "Harbour Times")).toBe("Harbour Times");
    expect(withoutSiteSuffix("A (weird) title | Site (Beta)", "Site (Beta)")).toBe("A (weird) title");
  });
});

describe("a page that is not an article", () => {
  it("is imported whole with a warning to check it, instead of an empty article", () => {
    const links = Array.from({ length: 30 }, (_, i) => `<li><a href="/story-${i}">Headline number ${i} about the city budget</a></li>`).join("");
    const home = `<!doctype html><html><head><title>Daily Example — Home</title></head><body><header><p>The Daily Example</p></header><main><h2>Top stories</h2><ul>${links}</ul></main></body></html>`;
    const result = importHtml(home, { mode: "page" });
    expect(result.warnings).toEqual([NOT_AN_ARTICLE]);
    expect(canonicalText(result.document)).toContain("Headline number 7 about the city budget");
  });

  it("gives no warning for real articles", () => {
    for (const name of ["guardian-1", "nytimes-1", "bbc-1"]) {
      const html = readFileSync(path.join(HTML_DIR, name, "source.html"), "utf8");
      expect(importHtml(html, { mode: "page" }).warnings, name).toBeUndefined();
    }
  });
});
