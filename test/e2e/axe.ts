import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/**
 * WCAG 2.1 A and AA violations axe-core finds on the page as it is now (labels, names, roles,
 * contrast, landmarks), one line each: "rule (impact): help: targets".
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the browser's devtools protocol, not as an inline <script>: the app's
  // Content-Security-Policy (rightly) refuses inline scripts, and a check must not weaken it.
  await page.evaluate(axeSource);
  // A toast or panel still fading in is measured at its current opacity, so a check taken
  // mid-animation reports contrast the user never sees once it settles: wait for the
  // finite animations to end first (infinite ones, such as spinners, never do).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const result = (await page.evaluate(() =>
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page at run time.
    (window as any).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }),
  )) as AxeResult;
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
}

/** Waits for the page's data to arrive (no loading indicator left). */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .getByRole('status')
    .filter({ hasText: /^Loading/ })
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => {});
}

/** Waits for the page's data to arrive, then asks axe. */
export async function settledViolations(page: Page): Promise<string[]> {
  await settle(page);
  return axeViolations(page);
}
