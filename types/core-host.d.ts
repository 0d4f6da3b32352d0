// The one host facility the core may use, for timing work (never for results): performance.now().
// Browsers and Node both have it; declaring it here keeps the DOM and Node types out of the core.
declare const performance: { now(): number } | undefined;
