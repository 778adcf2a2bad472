import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { demoLogin, loadDemo } from '../../src/demo/demo.service.ts';
import type { App } from '../../src/http/types.ts';
import { installWebApp, webDistDir } from '../../src/http/web-app.ts';
import { testConfig } from '../helpers/test-app.ts';
import { createTestDatabase } from '../helpers/test-database.ts';
import { e2ePassword, seedE2eCoalition } from './seed.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotDir = join(import.meta.dirname, '..', '..', 'test-results');

/** Flags that keep headless Chromium off the (closed) network and quiet in a container. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export interface E2eServer {
  url: string;
  app: App;
  database: DatabaseHandle;
  close(): Promise<void>;
}

interface E2eServerOptions {
  port?: number;
  /** Load the demo coalition too (default true). */
  demo?: boolean;
  /** The web app build to serve; web/dist when omitted (the dev server). */
  webDist?: string;
}

/**
 * The real server with the built web app, the demo coalition (unless `demo: false`: tests of the
 * e2e coalition need not follow the demo's changes) and the browser tests' own coalition (seed.ts),
 * on a free localhost port (or the one given).
 */
export async function startE2eServer(options: E2eServerOptions = {}): Promise<E2eServer> {
  const database = await createTestDatabase();
  if (options.demo !== false) await loadDemo(database.db);
  await seedE2eCoalition(database.db);
  const app = await buildApp({ db: database.db, config: testConfig });
  if (!(await installWebApp(app, options.webDist ?? webDistDir)))
    throw new Error('no web app build to serve');
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * One server and one browser for a test file: started before its tests, closed after them.
 * Read `server` and `browser` inside the tests (they are set once beforeAll has run).
 */
export function useE2e(options: { demo?: boolean } = {}): { server: E2eServer; browser: Browser } {
  const state = {} as { server: E2eServer; browser: Browser };
  beforeAll(async () => {
    state.server = await startE2eServer({ ...options, webDist: inject('webDist') });
    state.browser = await launchBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  return state;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

/** A fresh page that records console errors and failed requests, so a test can assert there were none. */
export async function openPage(
  browser: Browser,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page; consoleErrors: string[] }> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} at ${message.location().url}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { context, page, consoleErrors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

export async function signInAsDemoAdmin(page: Page, baseUrl: string): Promise<void> {
  await signInAs(page, baseUrl, demoLogin.email, demoLogin.password);
}

/** Signs in through the form; the e2e coalition's users share one password. */
export async function signInAs(page: Page, baseUrl: string, email: string, password = e2ePassword) {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/signin$/);
}

/**
 * Console errors a test did not expect. Signed out, the app asks GET /api/session and the server
 * answers 401, which Chromium logs as a failed resource; that one probe is expected.
 */
export function unexpectedConsoleErrors(consoleErrors: readonly string[]): string[] {
  return consoleErrors.filter((e) => !(e.includes('status of 401') && /\/api\/session$/.test(e)));
}

/** The error text a field points at through aria-describedby (the shared field components). */
export async function fieldError(page: Page, field: Locator): Promise<string> {
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter((id) => id.endsWith('-error'))
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
}
