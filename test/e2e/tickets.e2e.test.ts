import { beforeAll, describe, expect, it } from 'vitest';
import { demoCoalition, loadDemo } from '../../src/demo/demo.service.ts';
import { registryDemoStep } from '../../src/features/registry/registry.demo.ts';
import { ticketsDemoStep } from '../../src/features/tickets/tickets.demo.ts';
import { openPage, screenshot, signInAsDemoAdmin, unexpectedConsoleErrors } from './harness.ts';
import { useMapE2e } from './map-data.ts';

describe('tickets (browser): build, see the rule, fix, endorse, public slate, print', () => {
  // A state-level result set, so the map draws states and Michigan's panel opens.
  const e2e = useMapE2e(['us-geography', 'us-president-2024-state']);

  beforeAll(async () => {
    // The demo's members and its tickets data (not the rest of the demo: its datasets are slow).
    await loadDemo(e2e.server.database.db, { steps: [registryDemoStep, ticketsDemoStep] });
  }, 120_000);

  it('refuses a second party line in Michigan live, takes an endorsement instead, and shows the endorsed ticket on a printable slate', async () => {
    const { page, consoleErrors } = await openPage(e2e.browser);
    await signInAsDemoAdmin(page, e2e.server.url);
    await page.getByRole('link', { name: 'Candidates' }).click();
    await page.getByRole('heading', { level: 1, name: 'Candidates' }).waitFor();
    await page.getByText('Paul Kowalski').first().waitFor();
    await screenshot(page, 'tickets-candidates');
    // The state filter lists states by name (the API still takes the USPS code).
    const table = page.locator('table');
    await page.getByLabel('State', { exact: true }).selectOption({ label: 'New York' });
    await table.getByText('Paul Kowalski').waitFor({ state: 'detached' });
    await table.getByRole('link', { name: 'Rosa Delgado' }).waitFor();
    await page.getByLabel('State', { exact: true }).selectOption({ label: 'Any state' });
    await table.getByText('Paul Kowalski').waitFor();

    await page.getByRole('link', { name: 'Build a ticket' }).click();
    await page.getByRole('heading', { level: 1, name: 'Build a ticket' }).waitFor();
    await page.getByLabel('Candidate').fill('Ada Winters');
    // The race is searched, not listed: part of its name, then the keyboard picks it.
    const race = page.getByRole('combobox', { name: 'Race' });
    await race.fill('house 14');
    const options = page.getByRole('listbox', { name: 'Matching races' });
    await options.getByRole('option', { name: /Michigan House 14/ }).waitFor();
    expect(await options.getByRole('option').allTextContents()).toEqual([
      expect.stringContaining('Michigan House 14'),
    ]);
    await race.press('ArrowDown');
    await race.press('Enter');
    expect(await race.inputValue()).toMatch(/Michigan House 14 \(MI, 2026-/);
    expect(await options.isHidden()).toBe(true);
    await page.getByLabel('Proposing member').selectOption({ label: 'Liberal Forum' });
    await page
      .getByLabel('Harbor Greens', { exact: true })
      .selectOption({ label: 'Its own party line (joint ticket)' });

    const checks = page.getByRole('region', { name: 'Rule checks' });
    await checks.getByText('Refused by ballot law').waitFor();
    expect(await checks.textContent()).toContain('Michigan does not allow one candidate on two party lines');
    await screenshot(page, 'tickets-builder-refused');

    // Proposed anyway, the server refuses with the rule and offers endorsements instead.
    await page.getByRole('button', { name: 'Propose the candidate' }).click();
    const refusal = page.getByRole('region', { name: 'The ballot law refuses these lines' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('The rule');
    await refusal.getByRole('button', { name: 'Make the other members’ lines endorsements' }).click();
    expect(await page.getByLabel('Harbor Greens', { exact: true }).inputValue()).toBe('endorsement');
    expect(await refusal.count()).toBe(0);
    await checks.getByText('Ballot law: allowed in MI').waitFor();
    expect(await checks.getByText('Refused by ballot law').count()).toBe(0);
    await checks.getByText('Pacts: no ratified pact gives this race to another member.').waitFor();
    await page.getByRole('button', { name: 'Propose the candidate' }).click();

    await page.getByRole('heading', { level: 1, name: 'Ada Winters' }).waitFor();
    expect(await page.locator('.meta .badge').textContent()).toBe('Proposed');
    await page.getByRole('button', { name: 'Endorse' }).click();
    await page.locator('.meta .badge', { hasText: 'Endorsed' }).waitFor();
    await screenshot(page, 'tickets-candidate');

    await page.goto(`${e2e.server.url}/public/${demoCoalition.slug}/slate?jurisdiction=state:26`);
    await page.getByRole('heading', { level: 1, name: /How to vote for .* in Michigan/ }).waitFor();
    const ada = page.locator('.slate-entry', { hasText: 'Ada Winters' });
    await ada.waitFor();
    expect(await ada.textContent()).toContain('for Liberal Forum');
    expect(await ada.textContent()).toContain('endorsed by Harbor Greens');
    // The dissident and the candidates not yet endorsed are not the coalition's to show.
    expect(await page.getByText('Paul Kowalski').count()).toBe(0);
    expect(await page.getByRole('navigation').first().isVisible()).toBe(true);
    await screenshot(page, 'tickets-slate');

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print the card' }).isVisible()).toBe(false);
    expect(await ada.isVisible()).toBe(true);
    await screenshot(page, 'tickets-slate-print');
    // The one failed resource is the refused proposal (422 on POST /api/candidates) asked for above.
    expect(
      unexpectedConsoleErrors(consoleErrors).filter((e) => !/status of 422 .*\/api\/candidates$/.test(e)),
    ).toEqual([]);
  });

  it('shows a not-found page for a candidate link that names no candidate', async () => {
    const { page, consoleErrors } = await openPage(e2e.browser);
    await signInAsDemoAdmin(page, e2e.server.url);
    await page.goto(`${e2e.server.url}/candidates/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { level: 1, name: 'No such candidate' }).waitFor();
    await page.getByRole('link', { name: 'All candidates' }).waitFor();
    // The one failed resource is the 404 this page answers.
    expect(unexpectedConsoleErrors(consoleErrors).filter((e) => !e.includes('status of 404'))).toEqual([]);
  });

  it('flags the dissident candidacy on the map: the member the pact gave the race to, the dissident, the dispute', async () => {
    const { page, consoleErrors } = await openPage(e2e.browser);
    await signInAsDemoAdmin(page, e2e.server.url);
    await page.goto(`${e2e.server.url}/map?place=26`);
    const panel = page.getByRole('complementary', { name: 'Michigan' });
    const flags = panel.getByRole('region', { name: 'Dissident candidacies in Michigan' });
    const flag = flags.getByRole('listitem').filter({ hasText: 'Michigan House 13' });
    await flag.waitFor();
    const text = await flag.textContent();
    expect(text).toContain("gave it to Workers' Common Front");
    expect(text).toContain('Paul Kowalski of Tenants United runs there');
    // Open races and the pact's own candidates carry no flag.
    expect(await flags.getByRole('listitem').count()).toBe(1);
    await screenshot(page, 'tickets-map-dissident');
    await flag.getByRole('link', { name: 'Dispute open' }).click();
    await page.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /Paul Kowalski/ }).waitFor();
    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
  });
});
