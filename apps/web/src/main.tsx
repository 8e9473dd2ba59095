import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import './app/app.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startSession } from './app/session/session-store';
import { noteActivity } from './app/session/tokens';

// Someone at the keyboard or screen keeps the session renewed; an idle tab locks (tokens.ts).
for (const type of ['pointerdown', 'keydown', 'wheel'] as const) {
  window.addEventListener(type, noteActivity, { capture: true, passive: true });
}
// A tab opened before a release asks for a chunk that is gone: load the new release.
window.addEventListener('vite:preloadError', () => window.location.reload());
void startSession();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
