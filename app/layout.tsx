import "@fontsource-variable/inter";
import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { Toaster } from "sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Factmark", template: "%s · Factmark" },
  description: "Fact-check and claim annotation for newsrooms",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so Next can put the request's CSP nonce on its scripts
  // (proxy.ts); a prerendered page would carry scripts without it.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">
        {children}
        <Toaster richColors closeButton position="bottom-right" />
      </body>
    </html>
  );
}
