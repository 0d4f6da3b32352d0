// A message names the problem; its list of details is capped, so a file with thousands of problems
// still gives a message that fits on the screen and says how many more there are.

export const MAX_DETAILS = 12;

export function capDetails(details: readonly string[], max = MAX_DETAILS): string[] {
  if (details.length <= max) return [...details];
  const rest = details.length - (max - 1);
  return [
    ...details.slice(0, max - 1),
    `… and ${rest.toLocaleString('en')} more (fix the first ones and import again)`,
  ];
}
