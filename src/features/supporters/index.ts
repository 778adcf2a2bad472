/**
 * The supporters feature's public surface (docs/architecture.md, "Features are modules"): each
 * member's own people, consent, imports, duplicates, segments, private overlap counts, the pipeline.
 */
export { supportersDemoStep } from './supporters.demo.ts';
