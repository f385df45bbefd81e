import { describe, expect, it } from "vitest";
import { sourceMetadataFromHtml } from "./source-metadata";

const page = (head: string, body = "<p>Text</p>") => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe("sourceMetadataFromHtml", () => {
  it("reads Open Graph and article:published_time, without the site suffix in the title", () => {
    const html = page(`
      <title>Fleet report 2024 | City Transport Office</title>
      <meta property="og:title" content="Fleet report 2024 | City Transport Office">
      <meta property="og:site_name" content="City Transport Office">
      <meta property="article:published_time" content="2024-03-05T09:00:00+01:00">`);
    expect(sourceMetadataFromHtml(html, "https://transport.example/fleet")).toEqual({
      title: "Fleet report 2024",
      publisher: "City Transport Office",
      publishedOn: "2024-03-05",
    });
  });

  it("prefers the NewsArticle of a JSON-LD graph over its WebPage", () => {
    const ld = {
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "WebPage", name: "Home page name", datePublished: "2001-01-01" },
        { "@type": "NewsArticle", headline: "Budget deficit narrows", datePublished: "2023-11-19T06:00:00Z", publisher: { "@type": "Organization", name: "Daily Ledger" } },
      ],
    };
    const html = page(`<script type="application/ld+json">${JSON.stringify(ld)}</script><title>Other</title>`);
    expect(sourceMetadataFromHtml(html, "https://ledger.example/a")).toEqual({ title: "Budget deficit narrows", publisher: "Daily Ledger", publishedOn: "2023-11-19" });
  });

  it("reads Highwire citation_* tags of scholarly pages, slashed dates included", () => {
    const html = page(`
      <meta name="citation_title" content="Vaccine uptake in rural districts">
      <meta name="citation_journal_title" content="Journal of Public Health">
      <meta name="citation_publication_date" content="2021/04/07">
      <meta property="og:title" content="Landing">`);
    expect(sourceMetadataFromHtml(html, "https://journal.example/x")).toEqual({
      title: "Vaccine uptake in rural districts",
      publisher: "Journal of Public Health",
      publishedOn: "2021-04-07",
    });
  });

  it("falls back to <title>, a <time> element, then a date in the address", () => {
    expect(sourceMetadataFromHtml(page("<title> Plain  page </title>", '<article><time datetime="2019-02-03">Feb 3</time></article>'), "https://x.example/p")).toEqual({
      title: "Plain page",
      publisher: null,
      publishedOn: "2019-02-03",
    });
    expect(sourceMetadataFromHtml(page("<title>T</title>"), "https://x.example/2020/07/14/story").publishedOn).toBe("2020-07-14");
  });

  it("returns nulls for a page without metadata and ignores broken JSON-LD", () => {
    const html = page('<script type="application/ld+json">{ not json</script>', "");
    expect(sourceMetadataFromHtml(html, "https://x.example/")).toEqual({ title: null, publisher: null, publishedOn: null });
  });

  it("refuses impossible dates", () => {
    expect(sourceMetadataFromHtml(page('<meta property="article:published_time" content="yesterday">'), "https://x.example/").publishedOn).toBeNull();
  });
});
