/**
 * The supporters feature's public surface (docs/architecture.md, "Features are modules"): each
 * member's own people, consent, imports, duplicates, segments, private overlap counts, the pipeline.
 */

/** One of the actor's own member's people (petitions picks circulators from them); scoped by the actor. */
export { getPerson } from './people.service.ts';
export { supportersDemoStep } from './supporters.demo.ts';
