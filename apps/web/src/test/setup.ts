import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import i18n, { byLanguage } from '../i18n';

afterEach(() => cleanup());

// Mantine reads these browser APIs that jsdom lacks.
const matchMedia = (query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addListener: () => undefined,
  removeListener: () => undefined,
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
  dispatchEvent: () => false,
});
Object.defineProperty(window, 'matchMedia', { writable: true, value: matchMedia });
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: ResizeObserverStub });
window.HTMLElement.prototype.scrollIntoView = () => undefined;

// The API client asks for `/api/...` on its own origin; Node's Request (which the client takes
// when it is made) wants absolute URLs, so requests in tests are made on localhost.
const NodeRequest = globalThis.Request;
globalThis.Request = class extends NodeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(
      typeof input === 'string' && input.startsWith('/') ? `http://localhost${input}` : input,
      init,
    );
  }
} as typeof Request;

// Mantine's autosizing Textarea listens for web fonts, which jsdom does not have.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => undefined, removeEventListener: () => undefined },
  });
}

// The app loads a feature's strings with the feature; a component test has them all at once.
const allStrings = byLanguage(
  import.meta.glob<Record<string, unknown>>('../i18n/*/*.json', { eager: true, import: 'default' }),
);
for (const [language, namespaces] of Object.entries(allStrings)) {
  for (const [namespace, strings] of Object.entries(namespaces)) {
    i18n.addResourceBundle(language, namespace, strings, true, true);
  }
}
