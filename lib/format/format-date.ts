// The one way Factmark writes a date: the workspace's locale (Workspace.locale, BCP 47),
// medium date style ("2 Dec 2026" in en-GB, "Dec 2, 2026" in en-US). Used by the app, the
// reader page and every export. Pure; safe in client components.

export const DEFAULT_LOCALE = "en-GB";

/** Locales a workspace can choose (Settings → Workspace); any BCP 47 tag still formats. */
export const DATE_LOCALES = ["en-GB", "en-US", "de-DE", "fr-FR", "es-ES", "it-IT", "nl-NL", "pt-BR", "pl-PL", "uk-UA"] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A supported BCP 47 locale, or the default (an unknown or malformed tag never throws). */
export function resolveLocale(locale: string | null | undefined): string {
  if (!locale) return DEFAULT_LOCALE;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale])[0] ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function formatter(locale: string | null | undefined, withTime: boolean): Intl.DateTimeFormat {
  const tag = resolveLocale(locale);
  const key = `${tag}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    // Dates alone are calendar days in UTC (what the server stored), so every reader sees the same day.
    f = withTime ? new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short" }) : new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: "UTC" });
    formatters.set(key, f);
  }
  return f;
}

function toDate(value: string | number | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "2 Dec 2026" (en-GB) for an ISO timestamp, a YYYY-MM-DD day or a Date; "" for null; the input when unparseable. */
export function formatDate(value: string | number | Date | null | undefined, locale?: string | null): string {
  if (value === null || value === undefined || value === "") return "";
  const d = toDate(value);
  return d ? formatter(locale, false).format(d) : String(value);
}

/** "2 Dec 2026, 14:05" (en-GB), in the viewer's time zone: for moments (comments, history, tokens). */
export function formatDateTime(value: string | number | Date | null | undefined, locale?: string | null): string {
  if (value === null || value === undefined || value === "") return "";
  const d = toDate(value);
  return d ? formatter(locale, true).format(d) : String(value);
}
