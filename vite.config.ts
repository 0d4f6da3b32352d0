import { defineConfig, type Plugin } from 'vitest/config';
import { CSP, DEV_CSP } from './csp.config.ts';

/** In development, the page's meta policy is the dev one too (a meta and a header both apply). */
function devCsp(): Plugin {
  return {
    name: 'dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(CSP, DEV_CSP),
  };
}

export default defineConfig({
  plugins: [devCsp()],
  server: { host: '127.0.0.1', headers: { 'Content-Security-Policy': DEV_CSP } },
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': CSP } },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/property/**/*.test.ts', 'tests/claims/**/*.test.ts'],
    environment: 'node',
  },
});
