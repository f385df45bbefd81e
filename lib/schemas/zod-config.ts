import { z } from "zod";

// zod 4 compiles object parsers with `new Function` when the page allows it, and probes for that
// by calling `new Function` once: on pages with a Content-Security-Policy (all of ours) the probe
// is a reported CSP violation. The interpreted parsers are plenty fast for forms and API bodies.
// Imported first by every schema module, before any schema is built.
z.config({ jitless: true });
