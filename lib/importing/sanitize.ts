import sanitizeHtml from "sanitize-html";

// The only markup that may reach the HTML → document converter. Everything else is dropped:
// script, style, iframe, object, embed, form controls, event handlers, inline styles, classes.
// Links may be http(s) or mailto; images http(s) only (no data: or javascript: URLs).
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "div", "section", "article", "main", "header", "footer", "aside", "address", "center", "details", "summary",
    "h1", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "dl", "dt", "dd",
    "blockquote", "figure", "figcaption", "img", "picture", "pre", "hr", "br",
    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
    "a", "strong", "b", "em", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "code", "kbd",
    "cite", "q", "abbr", "time", "span", "font",
  ],
  allowedAttributes: { a: ["href"], img: ["src", "alt"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Their text is not article text either.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "iframe", "object", "embed", "svg", "math", "button", "select", "nav"],
  parseStyleAttributes: false,
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
