// Bundles the worker-thread entries (lib/importing/import-worker.ts, lib/workers/render-worker.ts)
// into <distDir>/workers/<name>.cjs.
// Run by `npm run build` after `next build` (which empties the dist folder first). Turbopack copies
// a `new Worker(new URL(...))` target as a raw file instead of bundling it, so we bundle it here;
// npm packages stay external and load from node_modules at run time, like the server's.
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
const entries = ["lib/importing/import-worker.ts", "lib/workers/render-worker.ts"];

for (const entry of entries) {
  const outfile = path.join(root, distDir, "workers", `${path.basename(entry, ".ts")}.cjs`);
  await build({
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "warning",
  });
  console.log(`${entry} bundled into ${path.relative(root, outfile)}`);
}
