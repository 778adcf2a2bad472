import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/petitions/days.ts';
import { loadDemo } from '../../src/demo/demo.service.ts';
import { todayUtc } from '../../src/features/petitions/drives.service.ts';
import { registryDemoStep } from '../../src/features/registry/index.ts';
import { axeViolations } from './axe.ts';
import { openPage, screenshot, signInAsDemoAdmin, unexpectedConsoleErrors } from './harness.ts';
import { useMapE2e } from './map-data.ts';

describe('ballot access (browser)', () => {
  const e2e = useMapE2e(['us-geography', 'us-president-2024-state']);
  beforeAll(async () => {
    // The demo coalition's members only: this test starts its own drive.
    await loadDemo(e2e.server.database.db, { steps: [registryDemoStep] });
  }, 120_000);

  it('starts a drive, enters packets and a check by keyboard, and watches the projection, the probability and the deadline warning move', async () => {
    const { page, consoleErrors } = await openPage(e2e.browser);
    await signInAsDemoAdmin(page, e2e.server.url);
    await page.getByRole('link', { name: 'Ballot access' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ballot access' }).waitFor();

    // The requirements browser: the map of states and the table with each number's status.
    await page.getByRole('group', { name: 'US states by signatures per 1,000 voters' }).waitFor();
    const table = page.getByRole('region', { name: 'Requirements by state' });
    const idaho = table.getByRole('row').filter({ hasText: 'Idaho' });
    await idaho.getByText('computed', { exact: true }).waitFor();
    const alabama = table.getByRole('row').filter({ hasText: 'Alabama' });
    expect(await alabama.getByText('missing', { exact: true }).count()).toBe(1);

    // A coalition adds its own requirement: a local initiative, listed beside the shipped ones.
    const own = page.getByRole('form', { name: 'Add a requirement' });
    await own.getByLabel('Jurisdiction code (e.g. US-CO-DENVER)').fill('US-ID-BOISE');
    await own.getByLabel('Jurisdiction name').fill('Boise');
    await own.getByLabel('Title').fill('Boise: transit initiative');
    await own.getByLabel('Valid signatures required (blank if unknown)').fill('4000');
    await own.getByLabel('Rule text').fill('Signatures of registered voters of the city');
    await own.getByLabel('Source').fill('City code');
    await own.getByLabel('As of').fill('2026');
    await own.getByRole('button', { name: 'Add the requirement' }).click();
    await page
      .getByRole('region', { name: 'Notifications' })
      .getByText('Added "Boise: transit initiative".')
      .waitFor();
    await table
      .getByRole('row')
      .filter({ hasText: 'Boise: transit initiative' })
      .getByText('copied')
      .waitFor();

    // Start a drive due in 10 days: inside the 14-day warning.
    const today = todayUtc();
    const form = page.getByRole('region', { name: 'Start a drive' });
    await form.getByLabel('Member', { exact: true }).selectOption({ label: 'Harbor Greens' });
    const idahoOption =
      (await form.locator('option', { hasText: 'Idaho: new party recognition' }).textContent()) ?? '';
    await form.getByLabel('Requirement', { exact: true }).selectOption({ label: idahoOption });
    await form.getByLabel('Drive name').fill('Idaho ballot line');
    await form.getByLabel("Valid signatures required (blank: the requirement's number)").fill('300');
    await form.getByLabel('Start', { exact: true }).fill(addDays(today, -4));
    await form.getByLabel('Petition due').fill(addDays(today, 10));
    await form.getByRole('button', { name: 'Start the drive' }).click();
    await page.getByRole('heading', { level: 1, name: 'Idaho ballot line' }).waitFor();
    expect(await page.getByTestId('collected').textContent()).toBe('0');

    // Packets, typed as from a stack of paper: Enter saves and the cursor returns to the packet field.
    const packets = page.getByRole('form', { name: 'Enter a packet' });
    await packets.getByLabel('Packet', { exact: true }).fill('P-001');
    await packets.getByLabel('Circulator').fill('Ana Ray');
    await packets.getByLabel('County').fill('Ada');
    await packets.getByLabel('Signatures').fill('60');
    await packets.getByLabel('Signatures').press('Enter');
    await page.getByText('Packet P-001 saved (60 signatures).').waitFor();
    await expect.poll(() => page.getByTestId('collected').textContent()).toBe('60');
    expect(await packets.getByLabel('Packet', { exact: true }).inputValue()).toBe('P-002');
    expect(
      await page.evaluate(
        () =>
          document.activeElement?.getAttribute('value') ??
          (document.activeElement as HTMLInputElement | null)?.value,
      ),
    ).toBe('P-002');
    const projectedAfterOne = Number((await page.getByTestId('projected').textContent())?.replace(/,/g, ''));
    const probabilityAfterOne = await page.getByTestId('probability').textContent();

    // The next row is Tab (from the packet label to the signatures), the count, Enter.
    await page.keyboard.press('Tab');
    await page.keyboard.type('80');
    await page.keyboard.press('Enter');
    await page.getByText('Packet P-002 saved (80 signatures).').waitFor();
    await expect.poll(() => page.getByTestId('collected').textContent()).toBe('140');
    const projectedAfterTwo = Number((await page.getByTestId('projected').textContent())?.replace(/,/g, ''));
    expect(projectedAfterTwo).toBeGreaterThan(projectedAfterOne);
    const probabilityAfterTwo = await page.getByTestId('probability').textContent();
    expect(probabilityAfterTwo).not.toBe(probabilityAfterOne);

    // A bad sample check pulls the projection and the probability down.
    const check = page.getByRole('form', { name: 'Enter a validity check' });
    await check.getByLabel('Packet', { exact: true }).selectOption('P-001');
    await check.getByLabel('Lines checked').fill('60');
    await check.getByLabel('Lines valid').fill('24');
    await check.getByLabel('Not registered').fill('30');
    await check.getByLabel('Illegible').fill('6');
    await check.getByRole('button', { name: 'Save check' }).click();
    await page.getByText('Check of P-001 saved: 24 valid of 60.').waitFor();
    await expect
      .poll(async () => Number((await page.getByTestId('projected').textContent())?.replace(/,/g, '')))
      .toBeLessThan(projectedAfterTwo);
    const probabilityAfterCheck = Number(
      (await page.getByTestId('probability').textContent())?.replace('%', ''),
    );
    expect(probabilityAfterCheck).toBeLessThan(Number(probabilityAfterTwo?.replace('%', '')));
    const circulators = page.getByRole('region', { name: 'Circulators' });
    expect(await circulators.getByRole('row').filter({ hasText: 'Ana Ray' }).getByText('40.0%').count()).toBe(
      1,
    );
    await page.getByRole('img', { name: /Burn-up chart/ }).waitFor();
    // Drawn by Observable Plot (loaded on demand) under the CSP: its inline <style> never reaches
    // the page (a violation would be a console error, checked below), the required line does.
    const burnUp = page.locator('.burn-up svg.plot');
    await burnUp.waitFor();
    expect(await burnUp.locator('style').count()).toBe(0);
    expect(await burnUp.locator('[aria-label="rule"] line').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'petitions-drive');

    // The dashboard warns: the petition is due in 10 days.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    const warnings = page.getByRole('region', { name: 'Petition deadlines' });
    await warnings.getByText('10 days').waitFor();
    expect(await warnings.getByRole('link', { name: 'Idaho ballot line: petition due' }).count()).toBe(1);
    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
  });

  it('gives a private calendar feed URL that works without a session until it is revoked', async () => {
    const { page, consoleErrors } = await openPage(e2e.browser);
    await signInAsDemoAdmin(page, e2e.server.url);
    await page.getByRole('link', { name: 'Ballot access' }).click();
    const subscription = page.getByRole('region', { name: 'Calendar subscription' });
    await subscription.getByRole('button', { name: 'Create a feed URL' }).click();
    const field = subscription.getByLabel(/Your private feed URL/);
    await field.waitFor();
    const url = await field.inputValue();
    expect(url).toMatch(/\/api\/public\/petitions\/calendar\/[A-Za-z0-9_-]{43}$/);
    // A calendar application: no cookie, only the URL.
    const served = await fetch(url);
    expect(served.status).toBe(200);
    expect(await served.text()).toContain('BEGIN:VCALENDAR');
    await screenshot(page, 'petitions-feed-url');
    await subscription.getByRole('button', { name: 'Revoke the feed URL' }).click();
    await subscription.getByRole('button', { name: 'Create a feed URL' }).waitFor();
    expect((await fetch(url)).status).toBe(404);
    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
  });
});
