import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { DESKTOP, TABLET } from './browser';

/** Where every screen's screenshots go (git-ignored); open them and look. */
export const SCREENSHOT_DIR = resolve(__dirname, '../../../../var/screenshots');

/** WCAG 2.2 AA, as the issue asks. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** axe's serious and critical findings on what the page shows now (open dialogs included). */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

/**
 * One screen as users meet it: checked by axe, and photographed at desktop (1440×900) and
 * tablet (1024×768) size as `<name>-desktop.png` / `<name>-tablet.png`. Returns axe's serious and
 * critical findings for the caller to assert empty (so a failure names the screen).
 */
export async function captureScreen(page: Page, name: string): Promise<AxeFinding[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Let transitions (dialogs, drawers) settle so the picture shows what a user sees.
  await page.waitForTimeout(350);
  const findings = await seriousViolations(page);
  await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}-desktop.png`) });
  await page.setViewportSize(TABLET);
  await page.waitForTimeout(350);
  findings.push(...(await seriousViolations(page)));
  await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}-tablet.png`) });
  await page.setViewportSize(DESKTOP);
  await page.waitForTimeout(150);
  return findings;
}
