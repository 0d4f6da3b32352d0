// The policy the servers send (csp.config.ts) is the one index.html carries, and it is strict: no
// 'unsafe-eval' anywhere, no 'unsafe-inline' outside the dev server's styles.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP, DEV_CSP } from '../../csp.config';

describe('Content-Security-Policy', () => {
  it('index.html carries the same policy as the servers', () => {
    const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CSP);
  });

  it('is strict: scripts from the site only, no eval, no inline code or styles', () => {
    expect(CSP).toMatch(/script-src 'self'(;|$)/);
    expect(CSP).not.toMatch(/unsafe-eval|unsafe-inline/);
    expect(DEV_CSP).not.toMatch(/unsafe-eval/);
    expect(DEV_CSP.match(/'unsafe-inline'/g)).toHaveLength(1);
    expect(DEV_CSP).toMatch(/style-src 'self' 'unsafe-inline'/);
  });
});
