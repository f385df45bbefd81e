import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { apiAs } from "./helpers";

// A rationale written with bold, italic, a link and a list keeps them in the downloaded
// Markdown, DOCX and PDF reports; an article never published links no reader page.

test("rich-text rationales survive the Markdown, DOCX and PDF exports; unpublished reports say so", async ({ baseURL }) => {
  const editor = await apiAs(baseURL!, "editor");
  const created = await editor.post("/api/v1/articles", { data: { text: `Rich export ${Date.now()}\n\nThe mayor said rents fell by 8 percent in a year.` } });
  expect(created.ok()).toBeTruthy();
  const { id: articleId, slug } = (await created.json()) as { id: string; slug: string };
  const claim = await editor.post(`/api/v1/articles/${articleId}/claims`, {
    data: {
      target: { selector: [{ type: "TextQuoteSelector", exact: "rents fell by 8 percent in a year" }] },
      rationale:
        '<p>Rents <strong>rose</strong> by <em>3 percent</em>, says <a href="https://stats.example/rents?year=2026">the statistics office</a>.</p><ul><li><p>Index for March</p></li><li><p>Index for April</p></li></ul>',
    },
  });
  expect(claim.ok()).toBeTruthy();
  const download = async (format: string) => {
    const res = await editor.get(`/api/v1/articles/${articleId}/export?format=${format}&scope=all`);
    expect(res.status(), `${format} export`).toBe(200);
    return res.body();
  };

  const md = (await download("md")).toString("utf8");
  expect(md).toContain("Rents **rose** by *3 percent*, says [the statistics office](<https://stats.example/rents?year=2026>).");
  expect(md).toContain("- Index for March\n- Index for April");
  expect(md).toContain("- **Reader page:** Not published");
  expect(md).not.toContain(`/r/${slug}`);

  const docx = unzipSync(new Uint8Array(await download("docx")));
  const xml = strFromU8(docx["word/document.xml"]);
  const rels = strFromU8(docx["word/_rels/document.xml.rels"]);
  expect(xml).toContain('<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">rose</w:t></w:r>');
  expect(xml).toContain('<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">3 percent</w:t></w:r>');
  const rel = /Id="(rIdLink\d+)"[^>]*Target="https:\/\/stats\.example\/rents\?year=2026"/.exec(rels);
  expect(rel, "the link is a hyperlink relationship").not.toBeNull();
  expect(xml).toContain(`r:id="${rel![1]}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">the statistics office</w:t>`);
  expect(xml).toMatch(/<w:numPr>.*?Index for March/);
  expect(rels).not.toContain(`/r/${slug}`);

  const pdf = (await download("pdf")).toString("latin1");
  // A link annotation whose URI action opens the rationale's link.
  expect(pdf).toContain("/Subtype /Link");
  expect(pdf).toMatch(/\/S \/URI\s*\/URI \(https:\/\/stats\.example\/rents\?year=2026\)/);
  expect(pdf).not.toContain(`/r/${slug}`);
  await editor.dispose();
});
