// Words and numbers as the app shows them: two significant digits, a real minus sign, YYYYQn dates.
import type { TriangleConfig, TriangleRole } from '../model/triangle';

const MINUS = '\u2212';

/** Two significant digits ("0.041", "0.83", "2.6", "120"); -0 reads 0. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) < 5e-4) return '0';
  const s = String(Number(x.toPrecision(2)));
  return s.startsWith('-') ? MINUS + s.slice(1) : s;
}

/** Signed, two significant digits: "+0.83", "−0.26". */
export function fmtSigned(x: number): string {
  const s = fmt(x);
  return s === '0' || s.startsWith(MINUS) ? s : `+${s}`;
}

/**
 * A utility change, signed, to two significant digits however small ("+0.04", "−0.0042", "+0.00031"),
 * so the parts of a move read as what they are and roughly add up to its net. Below a millionth:
 * "+<0.000001". Exactly zero: "0".
 */
export function fmtDelta(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const sign = x < 0 ? MINUS : '+';
  const a = Math.abs(x);
  if (a < 1e-6) return `${sign}<0.000001`;
  // toPrecision keeps trailing zeros of the two digits ("0.040" would read as more precise: drop them);
  // Number() then String() would switch to exponent notation below 1e-6, which the branch above excludes.
  const s = String(Number(a.toPrecision(2)));
  return sign + s;
}

/** Lever values: fractions of 0..1 with two decimals, larger ranges with two significant digits. */
export function fmtLever(v: number, max: number): string {
  return max <= 1 ? v.toFixed(2) : fmt(v);
}

export const CONFIG_NAMES: Readonly<Record<TriangleConfig, string>> = {
  'menage-a-trois': 'Ménage à trois',
  'romantic-triangle': 'Romantic triangle',
  'stable-marriage': 'Stable marriage',
  'unit-veto': 'Unit veto',
  indeterminate: 'Indeterminate',
};

export interface Roles {
  US: TriangleRole;
  CN: TriangleRole;
  RU: TriangleRole;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "United States" reads "the United States" in a sentence. */
export function withArticle(name: string): string {
  return /^(United|Russian Federation|Philippines|Netherlands)/.test(name) ? `the ${name}` : name;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The configuration as a sentence naming each corner's role. */
export function configSentence(
  config: TriangleConfig,
  roles: Roles,
  name: (id: string) => string,
  neutral: string[],
): string {
  return capitalise(configPhrase(config, roles, (id) => withArticle(name(id)), neutral));
}

function configPhrase(config: TriangleConfig, roles: Roles, name: (id: string) => string, neutral: string[]): string {
  const ids = ['US', 'CN', 'RU'] as const;
  const with_ = (role: TriangleRole) => ids.filter((id) => roles[id] === role).map(name);
  switch (config) {
    case 'menage-a-trois':
      return 'All three are friends.';
    case 'unit-veto':
      return 'All three are foes.';
    case 'romantic-triangle':
      return `${with_('pivot')[0]} is the pivot; ${joinNames(with_('wing'))} are wings.`;
    case 'stable-marriage':
      return `${joinNames(with_('partner'))} are partners; ${with_('pariah')[0]} is the pariah.`;
    default:
      return `no configuration: the ${joinNames(neutral.map((d) => d.replace('-', '–')))} tie${neutral.length > 1 ? 's are' : ' is'} near zero.`;
  }
}

/** Short form for the header: "US pariah · CN, RU partners". */
export function rolesShort(roles: Roles): string {
  const groups = new Map<TriangleRole, string[]>();
  for (const id of ['US', 'CN', 'RU'] as const) {
    const g = groups.get(roles[id]) ?? [];
    g.push(id);
    groups.set(roles[id], g);
  }
  return [...groups.entries()]
    .map(([role, ids]) => `${ids.join(', ')} ${role}${ids.length > 1 ? 's' : ''}`)
    .join(' · ');
}

/** Past tense of a recorded move, with actor names: "warmed toward Japan". */
export function movePhrase(kind: string, target: string, move: -1 | 1, name: (id: string) => string): string {
  if (kind === 'tie') return `${move > 0 ? 'warmed' : 'cooled'} toward ${name(target)}`;
  if (kind === 'energy') return move > 0 ? 'shifted energy east' : 'shifted energy west';
  if (kind === 'invest')
    return move > 0 ? 'invested more in the Russian Far East' : 'invested less in the Russian Far East';
  if (kind === 'navy') return move > 0 ? 'sent more ships to Cam Ranh Bay' : 'withdrew ships from Cam Ranh Bay';
  return `${move > 0 ? 'raised' : 'lowered'} ${target}`;
}
