// Limits the CLI checks and --help lists without loading the schema (and zod with it); schema.ts uses
// and re-exports them.

/** The longest run a scenario or the CLI asks for, in quarters. */
export const STEPS_MAX = 400;
/**
 * Dates are written YYYYQn (files, --change, CSV): a scenario starts between 1000Q1 and 9899Q4, so that
 * every date of a run of up to STEPS_MAX quarters has four digits and an exported file loads back.
 */
export const START_MIN = '1000Q1';
export const START_MAX = '9899Q4';

/**
 * Limits on size (and so on work): the loader refuses a file past any of them before validating its
 * contents, so a hostile file costs no more than a large valid one. --help lists them all.
 */
export const ACTORS_MAX = 24;
/** One tie, trade or security entry per pair of actors. */
export const PAIRS_MAX = (ACTORS_MAX * (ACTORS_MAX - 1)) / 2;
export const EVENTS_MAX = 1000;
export const INDICATORS_MAX = 50;
export const SOURCES_MAX = 500;
export const TEXT_CHARS_MAX = 10_000;

/**
 * Upper bounds of amounts in USD bn. World trade is about 25,000 USD bn a year and the world's stock of
 * foreign direct investment about 45,000: the bounds leave room for any counterfactual and keep every
 * product of the model's factors far inside a double (docs/MODEL.md, "Bounds and limits").
 */
export const TRADE_MAX = 100_000;
export const INVESTMENT_MAX = 10_000;

/**
 * The smallest positive amount, USD bn (USD 1 million): below it an amount is 0. A positive amount
 * near the smallest double divides to NaN once growth shrinks it (docs/MODEL.md, "Bounds and limits").
 */
export const AMOUNT_MIN = 0.001;
