// Colours shared by the scene and the charts, read from the page's CSS custom properties so that one
// stylesheet decides the light and dark themes.

export interface Theme {
  dark: boolean;
  bg: string;
  panel: string;
  ink: string;
  muted: string;
  grid: string;
  amity: string;
  enmity: string;
  neutralNode: string;
  highlight: string;
  font: string;
}

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

export function readTheme(): Theme {
  return {
    dark:
      document.documentElement.dataset.theme === 'dark' ||
      (document.documentElement.dataset.theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches),
    bg: cssVar('--bg', '#fbfaf7'),
    panel: cssVar('--panel', '#ffffff'),
    ink: cssVar('--ink', '#1d1d1f'),
    muted: cssVar('--muted', '#5b5b66'),
    grid: cssVar('--grid', '#e2e0da'),
    amity: cssVar('--amity', '#1b7fb8'),
    enmity: cssVar('--enmity', '#d9791a'),
    neutralNode: cssVar('--node', '#8f8a84'),
    highlight: cssVar('--highlight', '#e0a800'),
    font: cssVar('--font', 'system-ui, sans-serif'),
  };
}

/** "#rrggbb" to 0xrrggbb. */
export function hex(c: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(c.trim());
  return m ? Number.parseInt(m[1], 16) : 0x888888;
}

/** Mix two "#rrggbb" colours (t = 0 gives a). */
export function mix(a: string, b: string, t: number): string {
  const x = hex(a);
  const y = hex(b);
  const ch = (v: number, s: number) => (v >> s) & 255;
  const out = [16, 8, 0].map((s) => Math.round(ch(x, s) + (ch(y, s) - ch(x, s)) * t));
  return `#${out.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
