// Bundles the worker-thread entries (lib/importing/import-worker.ts, lib/workers/render-worker.ts)
// into <distDir>/workers/<name>.cjs, and the job thread (lib/workers/job-worker.ts) into
// <distDir>/workers/job-worker.mjs: an ES module, since the Prisma client it holds reads
// import.meta.url; its "server-only" markers are empty there, as in the server's own bundle.
// Run by `npm run build` after `next build` (which empties the dist folder first). Turbopack copies
// a `new Worker(new URL(...))` target as a raw file instead of bundling it, so we bundle it here;
// npm packages stay external and load from node_modules at run time, like the server's.
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
const entries = [
  { entry: "lib/importing/import-worker.ts", format: "cjs" },
  { entry: "lib/workers/render-worker.ts", format: "cjs" },
  { entry: "lib/workers/job-worker.ts", format: "esm" },
];

const serverOnlyIsEmpty = {
  name: "server-only-is-empty",
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "" }));
  },
};

for (const { entry, format } of entries) {
  const outfile = path.join(root, distDir, "workers", `${path.basename(entry, ".ts")}.${format === "esm" ? "mjs" : "cjs"}`);
  await build({
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format,
    packages: "external",
    plugins: [serverOnlyIsEmpty],
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "warning",
  });
  console.log(`${entry} bundled into ${path.relative(root, outfile)}`);
}
