import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, settledViolations } from './axe.ts';
import { openPage, signInAs, unexpectedConsoleErrors, useE2e } from './harness.ts';
import { e2eCoalition, e2eDecisions, e2eUsers } from './seed.ts';

describe('accessibility of every phase-1 screen (browser, axe-core, WCAG 2.1 AA)', () => {
  const e2e = useE2e({ demo: false });

  const check = async (page: Page, path: string, results: Record<string, string[]>) => {
    await page.goto(`${e2e.server.url}${path}`);
    results[path] = await settledViolations(page);
  };

  it('staff screens have no violations', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.secretariat);
    const results: Record<string, string[]> = {};
    for (const path of [
      '/',
      '/members',
      '/members/apply',
      '/decisions',
      '/decisions/new',
      '/charter',
      '/audit',
    ]) {
      await check(page, path, results);
    }
    await page.goto(`${e2e.server.url}/members`);
    await page.getByRole('link', { name: 'Valley Farmers League' }).click();
    results.applicant = await settledViolations(page);
    await page.goto(`${e2e.server.url}/decisions`);
    await page.getByRole('link', { name: e2eDecisions.closed }).click();
    results.closedDecision = await settledViolations(page);
    await page.goto(`${e2e.server.url}/decisions`);
    await page.getByRole('link', { name: e2eDecisions.open }).click();
    results.openDecision = await settledViolations(page);
    expect(results).toEqual(Object.fromEntries(Object.keys(results).map((k) => [k, []])));

    // The control: the same check does see an unlabelled field.
    await page.evaluate(() => document.querySelector('main')?.append(document.createElement('input')));
    expect((await axeViolations(page)).join('\n')).toContain('label');
    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });

  it('delegate ballots and the public site have no violations', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser, {
      viewport: { width: 390, height: 844 },
    });
    const results: Record<string, string[]> = {};
    await check(page, '/signin', results);
    await check(page, `/public/${e2eCoalition.slug}`, results);
    await check(page, `/public/${e2eCoalition.slug}/members`, results);
    await signInAs(page, e2e.server.url, e2eUsers.greensDelegate);
    for (const title of [e2eDecisions.open, e2eDecisions.ranked]) {
      await page.goto(`${e2e.server.url}/decisions`);
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { name: "Your organization's ballot" }).waitFor();
      results[title] = await settledViolations(page);
    }
    expect(results).toEqual(Object.fromEntries(Object.keys(results).map((k) => [k, []])));
    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });
});
