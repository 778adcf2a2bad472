import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, signInAs, unexpectedConsoleErrors, useE2e } from './harness.ts';
import { e2eUsers } from './seed.ts';

const cases = join(import.meta.dirname, '..', 'fixtures', 'rctab', 'cases');

describe('count with an RCTab config (browser)', () => {
  const e2e = useE2e({ demo: false });

  it('a delegate uploads a config and its ES&S file, sees the winners and downloads the reports', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.greensDelegate);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Count (RCTab)' }).click();
    await page.getByRole('heading', { name: 'Count with an RCTab config' }).waitFor();

    const dir = join(cases, 'test_set_allow_only_one_winner_per_round');
    await page
      .getByLabel('RCTab config (.json)')
      .setInputFiles(join(dir, 'test_set_allow_only_one_winner_per_round_config.json'));
    // First without the ballots: the config's source is named as missing, nothing is counted.
    await page.getByRole('button', { name: 'Count' }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'The config cannot be used' });
    await problem.waitFor();
    expect(await problem.textContent()).toContain('cvrFileSources[0].filePath');

    await page
      .getByLabel('Cast vote record files')
      .setInputFiles(join(dir, 'test_set_allow_only_one_winner_per_round_cvr.xlsx'));
    await page.getByRole('button', { name: 'Count' }).click();
    const winners = page.getByRole('status').filter({ hasText: 'Winners' });
    await winners.waitFor();
    expect((await winners.textContent())?.split(',').length).toBe(3);
    await page
      .getByRole('img', { name: /Rounds/ })
      .first()
      .waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'detailed_report.csv' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('detailed_report.csv');
    await screenshot(page, 'rctab-count');
    // The browser logs the refused first count (400); nothing else may go wrong.
    const unexpected = unexpectedConsoleErrors(consoleErrors).filter((e) => !e.includes('status of 400'));
    expect(unexpected).toEqual([]);
    expect(consoleErrors.filter((e) => e.includes('status of 400'))).toHaveLength(1);
    await context.close();
  });
});
