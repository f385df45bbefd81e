"use client";

import { createContext, useContext, useMemo } from "react";
import { DEFAULT_LOCALE, formatDate, formatDateTime } from "@/lib/format/format-date";

// The workspace's locale for client components: the app layout provides it, and every date
// in the app goes through useDates() (server components call lib/format/format-date directly).

const LocaleContext = createContext<string>(DEFAULT_LOCALE);

export function DateLocaleProvider({ locale, children }: { locale: string; children: React.ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useDates(): { date: (value: string | Date | null | undefined) => string; dateTime: (value: string | Date | null | undefined) => string } {
  const locale = useContext(LocaleContext);
  return useMemo(() => ({ date: (v) => formatDate(v, locale), dateTime: (v) => formatDateTime(v, locale) }), [locale]);
}
