/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS shim that piscina loads with require() */
// Development, tests and the CLI: the render worker runs from its TypeScript source through tsx
// (a production build runs the bundle in <distDir>/workers/render-worker.cjs instead).
require("tsx/cjs/api").register();
module.exports = require("./render-worker.ts");
