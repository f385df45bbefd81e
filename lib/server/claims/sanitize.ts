import "server-only";
import sanitizeHtml from "sanitize-html";

// Rich text (rationale, comments) keeps a small, safe subset of HTML; plain-text fields
// (statement, claimant, source titles...) lose every tag. Both run when the value is written,
// and every renderer escapes as well.

const RICH_TEXT_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["b", "strong", "i", "em", "a", "ul", "ol", "li", "p", "br"],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Links open outside the app and pass no referrer or ranking credit.
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: "noopener noreferrer nofollow ugc" },
    }),
  },
  exclusiveFilter: (frame) => frame.tag === "a" && !frame.attribs.href && !frame.text.trim(),
};

/** Sanitized rich-text HTML; an empty paragraph (what an empty editor sends) becomes "". */
export function sanitizeRichText(html: string): string {
  const clean = sanitizeHtml(html, RICH_TEXT_OPTIONS).trim();
  return richTextIsEmpty(clean) ? "" : clean;
}

/** True when the HTML holds no visible text. */
export function richTextIsEmpty(html: string): boolean {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;|\s/g, "") === "";
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/**
 * Plain text with every tag removed (repeated until stable, so "&lt;script&gt;" cannot turn
 * back into markup), control characters dropped and whitespace trimmed.
 */
export function sanitizePlainText(value: string): string {
  let current = value;
  for (let i = 0; i < 5; i++) {
    const stripped = sanitizeHtml(current, { allowedTags: [], allowedAttributes: {}, disallowedTagsMode: "discard" }).replace(
      /&(amp|lt|gt|quot|#39);/g,
      (m) => ENTITIES[m],
    );
    if (stripped === current) break;
    current = stripped;
  }
  return current.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim();
}

/** Plain text for an optional field: empty becomes null. */
export function sanitizeOptionalText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const clean = sanitizePlainText(value);
  return clean === "" ? null : clean;
}

/** Comment text typed in a textarea: escaped, line breaks kept; HTML in it is sanitized as rich text. */
export function commentHtml(body: string): string {
  if (/<[a-z!/]/i.test(body)) return sanitizeRichText(body);
  const escaped = body.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
  return escaped
    .split(/\n{2,}/)
    .map((para) => `<p>${para.replace(/\n/g, "<br />")}</p>`)
    .join("");
}
