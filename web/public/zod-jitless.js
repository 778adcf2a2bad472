// Runs before the app's modules: zod reads this global config when it loads. Without it, zod probes
// `new Function` while the first module defining a schema is evaluated, and the app's
// Content-Security-Policy (no 'unsafe-eval') reports that probe as a violation.
globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };
