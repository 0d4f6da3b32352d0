// Limits the CLI checks without loading the schema (and zod with it); schema.ts re-exports them.

/** The longest run a scenario or the CLI asks for, in quarters. */
export const STEPS_MAX = 400;
