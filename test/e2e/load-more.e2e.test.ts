import { describe, expect, it } from 'vitest';
import { createDecision } from '../../src/features/decisions/create.service.ts';
import { createDrive } from '../../src/features/petitions/drives.service.ts';
import { createRequirement } from '../../src/features/petitions/requirements.service.ts';
import { createOrganization } from '../../src/features/registry/index.ts';
import { createActor, inTx } from '../helpers/governance.ts';
import { axeViolations } from './axe.ts';
import { openPage, signInAs, unexpectedConsoleErrors } from './harness.ts';
import { useMapE2e } from './map-data.ts';
import { e2eCoalition, e2eUsers } from './seed.ts';

/**
 * A list that pages (web/src/api/pages.ts, components/LoadMore.tsx), shown by the petition drives:
 * the first 20, then "Load more" for the rest, once each and in order, and no button on the last page.
 */
describe('Load more (browser)', () => {
  const e2e = useMapE2e(['us-geography', 'us-president-2024-state']);
  const count = 23;

  it('shows the first page of drives, loads the rest with Load more, then offers no more', async () => {
    const db = e2e.server.database.db;
    const coalition = await db
      .selectFrom('coalitions')
      .select('id')
      .where('slug', '=', e2eCoalition.slug)
      .executeTakeFirstOrThrow();
    const member = await db
      .selectFrom('organizations')
      .select('id')
      .where('coalition_id', '=', coalition.id)
      .where('status', '=', 'member')
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const staff = await createActor(db, coalition.id, 'secretariat');
    const requirement = await inTx(db, (trx) =>
      createRequirement(trx, staff, {
        country: 'US',
        jurisdiction: 'US-ID-BOISE',
        jurisdictionName: 'Boise',
        kind: 'initiative',
        title: 'Boise: transit initiative',
        signatures: 4000,
        ruleText: 'Signatures of registered voters of the city',
        source: 'City code',
        asOf: '2026',
      }),
    );
    // Due days 2027-01-01 … 2027-01-23: the list's order is the number's order.
    const names = Array.from({ length: count }, (_, i) => `Drive ${String(i + 1).padStart(2, '0')}`);
    for (const [i, name] of names.entries()) {
      await inTx(db, (trx) =>
        createDrive(trx, staff, {
          organizationId: member.id,
          requirementId: requirement.id,
          name,
          target: { kind: 'initiative', name },
          startDay: '2026-12-01',
          dueDay: `2027-01-${String(i + 1).padStart(2, '0')}`,
        }),
      );
    }

    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.secretariat);
    await page.goto(`${e2e.server.url}/petitions`);
    const table = page.getByRole('region', { name: 'Petition drives' });
    const rowNames = () => table.locator('tbody th').allTextContents();
    await table.getByRole('link', { name: 'Drive 20' }).waitFor();
    expect(await rowNames()).toEqual(names.slice(0, 20));
    await page.getByText('Showing the first 20 drives.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Load more' }).click();
    await table.getByRole('link', { name: `Drive ${count}` }).waitFor();
    expect(await rowNames()).toEqual(names);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);

    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });

  it('pages the decisions 20 at a time, latest closing first, each once', async () => {
    const db = e2e.server.database.db;
    const coalition = await db
      .selectFrom('coalitions')
      .select('id')
      .where('slug', '=', e2eCoalition.slug)
      .executeTakeFirstOrThrow();
    const staff = await createActor(db, coalition.id, 'secretariat');
    // Closing a day apart, far beyond any seeded decision: Motion 23 closes last, so it comes first.
    const titles = Array.from({ length: count }, (_, i) => `Paged motion ${String(i + 1).padStart(2, '0')}`);
    for (const [i, title] of titles.entries()) {
      await inTx(db, (trx) =>
        createDecision(trx, staff, {
          kind: 'motion',
          title,
          closesAt: new Date(Date.UTC(2027, 5, 1 + i)).toISOString(),
        }),
      );
    }
    const newestFirst = [...titles].reverse();

    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.secretariat);
    await page.goto(`${e2e.server.url}/decisions?phase=open`);
    const shownTitles = async () =>
      (await page.locator('.member-cards h2').allTextContents()).filter((t) => t.startsWith('Paged motion'));
    await page.getByRole('link', { name: newestFirst[19] }).waitFor();
    expect(await page.locator('.member-cards h2').count()).toBe(20);
    expect(await shownTitles()).toEqual(newestFirst.slice(0, 20));
    await page.getByText('Showing the first 20 decisions.').waitFor();

    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByRole('link', { name: titles[0] }).waitFor();
    expect(await shownTitles()).toEqual(newestFirst);
    expect(new Set(await page.locator('.member-cards h2').allTextContents()).size).toBe(
      await page.locator('.member-cards h2').count(),
    );

    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });

  it('pages the members directory 50 at a time in name order, the position band filtered by the server', async () => {
    const db = e2e.server.database.db;
    const coalition = await db
      .selectFrom('coalitions')
      .select('id')
      .where('slug', '=', e2eCoalition.slug)
      .executeTakeFirstOrThrow();
    const staff = await createActor(db, coalition.id, 'secretariat');
    // 55 applicants, odd ones on the left and even ones on the right: more than a page either way.
    const names = Array.from({ length: 55 }, (_, i) => `Paged member ${String(i + 1).padStart(2, '0')}`);
    for (const [i, name] of names.entries()) {
      await inTx(db, (trx) =>
        createOrganization(trx, staff, { name, kind: 'movement', position: i % 2 === 0 ? -0.5 : 0.5 }),
      );
    }
    const left = names.filter((_, i) => i % 2 === 0);

    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.secretariat);
    await page.goto(`${e2e.server.url}/members?q=Paged%20member`);
    const shownNames = () => page.locator('.member-cards h2').allTextContents();
    await page.getByRole('link', { name: names[49] }).waitFor();
    expect(await shownNames()).toEqual(names.slice(0, 50));
    await page.getByText('Showing the first 50 organizations.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByRole('link', { name: names[54] }).waitFor();
    expect(await shownNames()).toEqual(names);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);

    // The band is a query to the server now: the left's 28 come whole, in order, on one page.
    await page.getByLabel('Position').selectOption('left');
    await page.getByRole('link', { name: names[1] }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: left.at(-1) }).waitFor();
    expect(await shownNames()).toEqual(left);
    await page.getByText('28 organizations').waitFor();
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);

    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });
});
