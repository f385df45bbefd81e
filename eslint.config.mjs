import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Layers (issue 10). lib/server and lib/db are server-only (they import "server-only"); client
// code reaches them through the API (lib/api-client) or server actions, never by import. Type-only
// imports are erased at build time and stay allowed for client code.
const SERVER_ONLY = ["@/lib/server", "@/lib/server/*", "@/lib/db", "@/lib/db/*", "@/lib/generated/*", "server-only", "next/headers"];
const clientMessage = "Client code and components never import lib/server or lib/db: go through the API or a server action (type-only imports are fine).";

/** "use client" modules outside components/ (app/**) get the same boundary as components. */
const clientBoundary = {
  meta: { type: "problem", schema: [], docs: { description: "A \"use client\" module imports no server-only module." } },
  create(context) {
    const pattern = /^(@\/lib\/(server|db|generated)(\/|$)|server-only$|next\/headers$)/;
    let client = false;
    return {
      Program(node) {
        client = node.body.some((s) => s.type === "ExpressionStatement" && s.directive === "use client");
      },
      ImportDeclaration(node) {
        if (!client || node.importKind === "type" || !pattern.test(node.source.value)) return;
        if (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type")) return;
        context.report({ node, message: clientMessage });
      },
    };
  },
};

// Pure modules: functions of their input, testable without a server, reusable on both sides.
const PURE_MODULES = ["lib/anchoring/**", "lib/importing/**", "lib/exporting/**", "lib/highlights/**", "lib/reader/**", "lib/document/**"];
const FRAMEWORK = ["next", "next/*", "next-auth", "next-auth/*", "react", "react-dom", "react-dom/*", "@prisma/*", "server-only", "@/lib/generated/*", "@/lib/server", "@/lib/server/*", "@/lib/db", "@/lib/db/*", "@/lib/auth", "@/lib/auth/*", "@/lib/http", "@/lib/http/*", "@/components/*", "@/app/*"];

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ["lib/generated/**", ".next/**", ".next-*/**", "node_modules/**", "test-results/**", "playwright-report/**", "bench/peers/**", "next-env.d.ts", ".tmp/**"],
  },
  {
    plugins: { factmark: { rules: { "client-boundary": clientBoundary } } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "factmark/client-boundary": "error",
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ group: SERVER_ONLY, allowTypeImports: true, message: clientMessage }] }],
    },
  },
  {
    // One browser API client (lib/api-client.ts) with one error class: components don't fetch on their own.
    // (The workspace export dialog is rebuilt around the server-built ZIP.)
    files: ["components/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "components/export/workspace-export-dialog.tsx"],
    rules: {
      "no-restricted-globals": ["error", { name: "fetch", message: "Call the API through lib/api-client.ts (api, apiBlob, postWithProgress): one error class, the server's message." }],
    },
  },
  {
    files: ["lib/server/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/components/*", "@/app/*"], message: "lib/server never imports UI: move what both need into lib/." },
            { group: ["next/headers", "next/navigation", "next/cache"], message: "lib/server takes what it needs (actor, workspace id) as arguments; reading cookies, headers and redirecting belong to pages, actions and route handlers." },
          ],
        },
      ],
    },
  },
  {
    files: PURE_MODULES.map((p) => `${p.replace("/**", "")}/**/*.{ts,tsx}`),
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ group: FRAMEWORK, message: "Pure modules (anchoring, importing, exporting, highlights, reader, document) import nothing framework-bound: no Next, React, Prisma, auth, lib/server or lib/db." }] }],
    },
  },
];

export default config;
