import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { openPage, screenshot, signInAs, unexpectedConsoleErrors } from './harness.ts';
import { useMapE2e } from './map-data.ts';
import { e2eUsers } from './seed.ts';

describe('choosing a place by name (browser)', () => {
  const e2e = useMapE2e(['us-geography']);

  it('finds Wayne County from "Wayne, MI", refuses a name that is no place, and shows names, not codes', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.secretariat);
    await page.goto(`${e2e.server.url}/members`);
    await page.getByRole('link', { name: 'Civic Renewal' }).click();
    await page.getByText('Edit the profile').click();

    const homes = page.getByRole('group', { name: 'Home jurisdictions' });
    const picker = homes.getByRole('combobox', { name: 'Add a place' });
    await picker.fill('Wayne, MI');
    const option = page.getByRole('option', { name: /^Wayne County, Michigan/ });
    await option.waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /1 place found/ })
      .waitFor();
    // Keyboard only: Down marks the option (aria-activedescendant), Enter chooses it.
    await picker.press('ArrowDown');
    expect(await picker.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await picker.press('Enter');
    await homes.getByRole('listitem').filter({ hasText: 'Wayne County, Michigan' }).waitFor();

    // Every match is reachable: "Show more places" fetches the next page by the search's cursor.
    const more = homes.getByRole('combobox', { name: 'Add a place' });
    await more.fill('an');
    await page.getByRole('status').filter({ hasText: '10 places found, more available' }).waitFor();
    await page.getByRole('option', { name: 'Show more places' }).click();
    await page.getByRole('status').filter({ hasText: '20 places found' }).waitFor();
    expect(await page.getByRole('listbox', { name: 'Matching places' }).getByRole('option').count()).toBe(21);
    await more.fill('');

    // Text that names no place is refused, with the reason beside the field.
    const again = homes.getByRole('combobox', { name: 'Add a place' });
    await again.fill('Nowhereville');
    await page.getByRole('status').filter({ hasText: 'No place matches' }).waitFor();
    await again.press('Escape');
    await again.press('Tab');
    await homes.getByText('No place called “Nowhereville”: choose one from the list.').waitFor();
    expect(await again.getAttribute('aria-invalid')).toBe('true');
    await again.fill('');
    await again.press('Tab');

    await page.getByRole('button', { name: 'Save the profile' }).click();
    await page.getByText('Profile saved.').waitFor();
    const meta = page.locator('article > p.meta');
    await meta.filter({ hasText: 'Home: Wayne County, Michigan' }).waitFor();
    expect(await meta.textContent()).not.toContain('26163');
    await screenshot(page, 'place-picker-member');

    expect(await axeViolations(page)).toEqual([]);
    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });
});
