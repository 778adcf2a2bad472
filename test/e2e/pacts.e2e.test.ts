import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import {
  fieldError,
  openPage,
  screenshot,
  screenshotDir,
  signInAs,
  unexpectedConsoleErrors,
} from './harness.ts';
import { useMapE2e } from './map-data.ts';
import { e2eUsers } from './seed.ts';

const pactName = 'Michigan field zones';
/** Wayne County, Michigan: the zone whose member the test changes with a lock. */
const wayne = { key: '26163', name: 'Wayne' };
const members = ["Workers' Common Front", 'Riverside Greens', 'Civic Renewal'];

const raceRow = (page: Page, race: string) => page.locator(`tr[data-race="${race}"]`);
const memberOf = async (row: Locator) => (await row.locator('.member-name').textContent())?.trim() ?? '';
/** What is on screen (a page) or one section (a locator), for docs/web.md: a whole 83-race page is too tall. */
async function shot(target: Page | Locator, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await target.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

const mapFill = (page: Page, race: string) =>
  page.locator(`.us-map [data-id="${race}"]`).getAttribute('fill');

describe('pact workspace (browser)', () => {
  const e2e = useMapE2e(['us-geography', 'us-president-2024-county']);

  it('staff create a pact, run it, lock a race to another member, rerun, and see the table, the map and the comparison change', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.secretariat);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pacts' }).click();
    await page.getByText('No pact yet.').waitFor();
    await page.getByRole('link', { name: 'New pact' }).click();

    await page.getByLabel('Name').fill(pactName);
    await page.getByLabel('A state’s counties as organizing zones').check();
    await page.getByLabel('State', { exact: true }).selectOption({ label: 'Michigan' });
    await page.getByLabel('Zones valued by').selectOption({ label: 'US President 2024 by county (tonmcg)' });
    for (const name of members) {
      await page.getByLabel(name, { exact: true }).check();
      await page.getByLabel(`Party codes of ${name}`, { exact: true }).fill('DEM');
    }
    await page.getByRole('button', { name: 'Create the pact' }).click();
    await page.getByRole('heading', { level: 1, name: pactName }).waitFor();
    expect(await page.getByText('No version yet: the engine has not been run on this pact.').count()).toBe(1);

    await page.getByRole('button', { name: 'Run the engine' }).click();
    await page.getByRole('status').filter({ hasText: 'Done: version 1 is ready (heuristic).' }).waitFor();
    const rows = page.locator('tr[data-race]');
    await page.getByText('83 races', { exact: true }).waitFor();
    expect(await rows.count()).toBe(83);
    await page.locator('.us-map .map-place').first().waitFor();
    expect(await page.locator('.us-map .map-place').count()).toBe(83);
    const row = raceRow(page, wayne.key);
    const before = await memberOf(row);
    const fillBefore = await mapFill(page, wayne.key);
    expect(members).toContain(before);
    const target = members.find((m) => m !== before) ?? '';

    // Lock Wayne County to another member from the race's dialog; the map hatches it at once.
    await row.getByRole('button', { name: wayne.name, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /Wayne/ });
    await dialog.getByLabel('Lock this race to').selectOption({ label: target });
    await dialog.getByRole('button', { name: 'Lock', exact: true }).click();
    await dialog.getByText(`Locked to ${target}: a rerun keeps it there.`).waitFor();
    await shot(page, 'pact-race-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await row.getByText(`Locked to ${target}`).count()).toBe(1);
    await page.getByText(/The pact changed after version 1: run the engine again/).waitFor();
    expect(await memberOf(row)).toBe(before);
    // The workspace opened with version 1 as the latest: once version 2 exists, the ratification
    // panel must offer it without a reload.
    await page.reload();
    await page.getByRole('button', { name: 'Send version 1 to ratification' }).waitFor();

    // Rerun with the exact solver: a job in the worker, followed by the progress bar until done.
    await page.getByLabel(/^Exact/).check();
    await page.getByLabel('Note for this version').fill(`Wayne to ${target}`);
    await page.getByRole('button', { name: 'Run the engine' }).click();
    await page.getByRole('progressbar', { name: /^Exact run: \d+%$/ }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Done: version 2 is ready (exact).' }).waitFor();
    expect(await page.getByRole('progressbar').count()).toBe(0);
    await row.locator('.member-name', { hasText: target }).waitFor();
    expect(await mapFill(page, wayne.key)).not.toBe(fillBefore);
    expect(await page.locator(`.us-map .map-hatch`).count()).toBe(1);

    // Advice in plain words: against no pact, what the lock costs (the engine re-run without it).
    const advice = page.getByRole('region', { name: 'Is this pact worth it? (version 2)' });
    await advice.getByText(/^This pact (gains|loses) [\d.]+ expected wins against no pact\.$/).waitFor();
    await advice.getByText(/^The 1 lock cost/).waitFor();
    expect(await advice.getByText(/^Sharing races by the members’ weights/).count()).toBe(1);
    // The explanation names the member, the race, and who locked it when; no engine internals.
    await row.getByRole('button', { name: wayne.name, exact: true }).click();
    const why = dialog.locator('.explanation');
    await why.waitFor();
    const explanation = (await why.textContent()) ?? '';
    expect(explanation).toMatch(new RegExp(`^${target} gets Wayne: 0\\.\\d\\d chance to win against`));
    expect(explanation).toMatch(/locked by .+ on \d{1,2} [A-Z][a-z]{2}/);
    expect(explanation).not.toMatch(/locks\[|turn \d|\b26163\b/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    const compare = page.locator('#compare');
    await compare.getByText(/Version 1 → version 2: expected wins/).waitFor();
    const moved = compare.getByRole('table', { name: 'Races moved' }).locator('tr', { hasText: wayne.key });
    expect((await moved.locator('td').allTextContents()).map((t) => t.trim())).toEqual([before, target]);
    const csvLink = compare.getByRole('link', { name: 'races (CSV)' });
    const csv = await page.request.get(
      new URL((await csvLink.getAttribute('href')) ?? '', e2e.server.url).href,
    );
    expect(csv.headers()['content-disposition']).toBe('attachment; filename="pact-v2.csv"');
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe('race,name,member,organization_id,explanation');
    expect(lines.filter((line) => line.startsWith(`${wayne.key},${wayne.name},${target},`))).toHaveLength(1);
    await screenshot(page, 'pact-workspace');
    await page.locator('#assignment').scrollIntoViewIfNeeded();
    await shot(page, 'pact-assignment');
    await shot(compare, 'pact-compare');

    const shares = page.getByRole('table', { name: 'Entitlement, races and expected wins by member' });
    expect(await shares.locator('tbody tr').count()).toBe(3);
    expect(
      await page.getByRole('img', { name: /Entitlement, races given and expected wins per member/ }).count(),
    ).toBe(1);
    // Plot draws three bars per member (loaded on demand, no inline style sheet under the CSP).
    await page.locator('#shares svg.plot').waitFor();
    expect(await page.locator('#shares svg.plot [aria-label="bar"] rect').count()).toBe(9);
    await shot(page.locator('#shares'), 'pact-shares');

    // Sorting and filtering: by member, then by win probability, best first.
    await page.getByLabel('Member', { exact: true }).selectOption({ label: target });
    await page.getByRole('button', { name: /Win prob/ }).click();
    const probabilities = await rows.locator('td.num').allTextContents();
    expect(probabilities.length).toBeGreaterThan(0);
    expect(probabilities.length).toBeLessThan(83);
    expect(await rows.locator('.member-name').allTextContents()).toEqual(probabilities.map(() => target));
    const asNumbers = probabilities.map((p) => Number(p.replace(/[<>%]/g, '')));
    expect(asNumbers).toEqual([...asNumbers].sort((a, b) => b - a));
    await page.getByLabel('Member', { exact: true }).selectOption({ label: 'Every member' });

    // By keyboard: the row's Lock button keeps focus as it turns into Unlock, and back.
    await page.getByRole('button', { name: /^Lock Alcona to / }).focus();
    await page.keyboard.press('Enter');
    const unlockAlcona = page.getByRole('button', { name: 'Unlock Alcona' });
    await unlockAlcona.waitFor();
    expect(await unlockAlcona.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: /^Lock Alcona to / }).waitFor();

    expect(await axeViolations(page)).toEqual([]);

    // Ratification: the version goes to a decision, and the pact stops offering edits.
    await page.getByRole('button', { name: 'Send version 2 to ratification' }).click();
    await page.getByRole('link', { name: 'the ratification decision' }).waitFor();
    await page.getByText('Sent to ratification', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Run the engine' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Lock / }).count()).toBe(0);
    await page.getByRole('link', { name: 'the ratification decision' }).click();
    await page
      .getByRole('heading', { level: 1, name: `Ratify the pact "${pactName}" (version 2)` })
      .waitFor();
    // The summary keeps its shape: one list item per member, not one run-on paragraph.
    const summary = page.locator('.prose');
    expect(await summary.locator('li').count()).toBe(members.length);
    expect(await summary.locator('p').count()).toBeGreaterThanOrEqual(2);

    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });

  it('a delegate reads the pact on a phone, cannot lock, and records its organization’s local objection', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser, {
      viewport: { width: 390, height: 844 },
    });
    await signInAs(page, e2e.server.url, e2eUsers.greensDelegate);
    await page.goto(`${e2e.server.url}/pacts`);
    await page.getByRole('link', { name: pactName }).click();
    await page.getByRole('heading', { level: 1, name: pactName }).waitFor();
    await page.locator('tr[data-race]').first().waitFor();
    expect(await page.getByRole('button', { name: /^Lock / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Run the engine' }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const row = raceRow(page, wayne.key);
    await row.getByRole('button', { name: wayne.name, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /Wayne/ });
    expect(await dialog.getByLabel('Lock this race to').count()).toBe(0);
    await dialog.getByLabel('Object').check();
    await dialog.getByLabel('Note', { exact: true }).fill('Our Detroit branch has its own candidate');
    await dialog.getByRole('button', { name: 'Record the stance' }).click();
    await dialog.getByText('Recorded.').waitFor();
    const stance = dialog.getByRole('listitem').filter({ hasText: '✗ objects' });
    expect(await stance.textContent()).toMatch(
      /^Riverside Greens: ✗ objects — “Our Detroit branch has its own candidate”/,
    );
    await shot(page, 'pact-phone-consent');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await row.getByText('✗ 1 objection').waitFor();

    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });

  it("shows the server's refusal beside the field it names: a name taken, a member withdrawn while the form was open", async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.secretariat);
    await page.goto(`${e2e.server.url}/pacts/new`);
    const name = page.getByLabel('Name', { exact: true });
    await name.fill(pactName);
    await page.getByLabel('A state’s counties as organizing zones').check();
    await page.getByLabel('State', { exact: true }).selectOption({ label: 'Michigan' });
    // The shipped county results value the zones unless another set is chosen.
    expect(
      await page.getByLabel('Zones valued by').evaluate((select: HTMLSelectElement) => select.value),
    ).toBe('us-president-2024-county');
    // Checked bottom-up: the body keeps the table's order, so the server's index is the row's.
    for (const member of ['Civic Renewal', 'Riverside Greens']) {
      await page.getByLabel(member, { exact: true }).check();
      await page.getByLabel(`Party codes of ${member}`, { exact: true }).fill('dem');
    }
    const create = page.getByRole('button', { name: 'Create the pact' });
    await create.click();
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await fieldError(page, name)).toBe(`A pact named "${pactName}" already exists.`);

    // Civic Renewal withdraws from the coalition while the form is open (its letter, recorded by staff).
    const status = await page.evaluate(async (organization) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const { organizations } = (await (await fetch('/api/organizations?status=member')).json()) as {
        organizations: { id: string; name: string }[];
      };
      const id = organizations.find((o) => o.name === organization)?.id ?? '';
      const response = await fetch(`/api/organizations/${id}/withdrawal`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ note: 'Letter of withdrawal' }),
      });
      return response.status;
    }, 'Civic Renewal');
    expect(status).toBe(200);
    await name.fill('Michigan, second try');
    await create.click();
    const civic = page.getByLabel('Civic Renewal', { exact: true });
    await expect.poll(() => civic.getAttribute('aria-invalid')).toBe('true');
    expect(await fieldError(page, civic)).toMatch(
      /^Civic Renewal is \w+: only members take part in a pact\.$/,
    );
    expect(await name.getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Without it, the pact is created.
    await civic.uncheck();
    await create.click();
    await page.getByRole('heading', { level: 1, name: 'Michigan, second try' }).waitFor();
    expect(unexpectedConsoleErrors(consoleErrors).filter((e) => !e.includes('status of 409'))).toEqual([]);
    await context.close();
  });
});
