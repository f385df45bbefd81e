import { escapeHtml } from "@/lib/document/escape";

// A tiny auto-escaping HTML template for the server-rendered reader and embed pages:
// every interpolated value is escaped unless it is already SafeHtml (built by `html` or
// `trustedHtml`), so article text, claims and sources can never become markup.

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = SafeHtml | string | number | null | undefined | false | Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (Array.isArray(part)) return part.map(render).join("");
  if (part instanceof SafeHtml) return part.value;
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Marks HTML produced by an escaping renderer or a sanitizer as safe. Never pass user input. */
export function trustedHtml(value: string): SafeHtml {
  return new SafeHtml(value);
}
