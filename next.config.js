// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let end-to-end runs on different ports build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native or Node-only packages stay outside the bundle (loaded from node_modules at run time).
  serverExternalPackages: [
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "@node-rs/argon2",
    "better-sqlite3",
    "linkedom",
    "pdfkit",
    "mammoth",
    "sanitize-html",
    "piscina",
  ],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
