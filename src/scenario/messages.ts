// Messages about a user's input are shown on one line each, in a terminal or a page: control
// characters quoted from the input are escaped (a newline inside an expression, the NUL bytes of a
// UTF-16 file, a terminal escape, a bidirectional override that reorders what is shown), long quotes
// are cut, and a long list of problems is cut to its first few.

/** How many problems of a file are listed; the rest are counted ("... and M more problems"). */
export const PROBLEMS_LISTED = 8;
/** The longest message shown for one problem, in characters. */
export const PROBLEM_CHARS_MAX = 600;

// C0 and C1 controls, DEL, line and paragraph separators, bidirectional marks, overrides and isolates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every control character written as an escape (\n, \t, \u001b, ...). */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * One line, escaped, at most `max` characters: a longer one keeps its start and its end (where the
 * reason usually is) and says how much was cut from the middle.
 */
export function oneLine(text: string, max = PROBLEM_CHARS_MAX): string {
  const s = escapeControls(text);
  if (s.length <= max) return s;
  const mark = (n: number) => ` ... (${n} characters cut) ... `;
  const keep = Math.max(0, max - mark(s.length).length);
  let head = Math.ceil((keep * 2) / 3);
  let tail = s.length - (keep - head);
  // Never split a surrogate pair.
  if (head > 0 && /[\ud800-\udbff]/.test(s[head - 1])) head--;
  if (tail < s.length && /[\udc00-\udfff]/.test(s[tail])) tail++;
  return s.slice(0, head) + mark(tail - head) + s.slice(tail);
}

/** The problems to show: the first PROBLEMS_LISTED, one line each, then how many more there are. */
export function listProblems(problems: readonly string[]): string[] {
  const shown = problems.slice(0, PROBLEMS_LISTED).map((p) => oneLine(p));
  const more = problems.length - shown.length;
  if (more > 0) shown.push(`... and ${more} more problem${more > 1 ? 's' : ''}`);
  return shown;
}
