// The browser's composition root: styles, then the app. If anything fails, say so in the page.
import './ui/style.css';
import { App } from './app/controller';

const app = new App();
app.start().catch((e: unknown) => {
  console.error(e);
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.style.cssText =
    'position:fixed;inset:auto 16px 16px 16px;padding:12px 16px;background:#fff4d6;color:#1d1d1f;border-left:4px solid #b3261e;font:14px system-ui;z-index:99';
  box.textContent = `The app could not start: ${e instanceof Error ? e.message : String(e)}. Try reloading, or open it without the query string.`;
  document.body.append(box);
});
