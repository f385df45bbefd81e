import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, formatDate, formatDateTime, resolveLocale } from "./format-date";

describe("formatDate", () => {
  it("writes the workspace locale's medium date, in UTC", () => {
    expect(formatDate("2026-12-02T23:30:00.000Z")).toBe("2 Dec 2026");
    expect(formatDate("2026-12-02T23:30:00.000Z", "en-GB")).toBe("2 Dec 2026");
    expect(formatDate("2026-12-02T23:30:00.000Z", "en-US")).toBe("Dec 2, 2026");
    expect(formatDate("2026-12-02", "de-DE")).toBe("02.12.2026");
    expect(formatDate(new Date(Date.UTC(2026, 11, 2)), "fr-FR")).toBe("2 déc. 2026");
  });

  it("is empty for no date, keeps unparseable input and never throws on a bad locale", () => {
    expect(formatDate(null)).toBe("");
    expect(formatDate("")).toBe("");
    expect(formatDate("someday")).toBe("someday");
    expect(resolveLocale("not a locale!")).toBe(DEFAULT_LOCALE);
    expect(formatDate("2026-12-02", "not a locale!")).toBe("2 Dec 2026");
  });

  it("formats moments with the time", () => {
    expect(formatDateTime("2026-12-02T10:05:00.000Z", "en-GB")).toMatch(/^2 Dec 2026, \d{2}:\d{2}$/);
    expect(formatDateTime(null)).toBe("");
  });
});
