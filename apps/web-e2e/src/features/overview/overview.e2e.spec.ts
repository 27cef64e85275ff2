import type { Page } from 'playwright-core';
import { startBuiltServer, ADMIN, type BuiltServer } from '../../support/built-server';
import { openBrowser, type Browser } from '../../support/browser';
import { seedDemo } from '../../support/demo-data';
import { seriousViolations, signIn } from '../../support/pages';

// Set here as well as in the project's config: a run from the root config applies only its own timeout.
jest.setTimeout(180_000);


describe('the Overview and its filters in Chromium', () => {
  let server: BuiltServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startBuiltServer();
    await seedDemo(server);
    browser = await openBrowser({ width: 1280, height: 900 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a number on every tile, the trend and the biggest movers', async () => {
    const { page } = browser;
    await signIn(page, server.url, ADMIN);
    await waitForFigures(page);

    const values = await page.locator('.kpi-value').allInnerTexts();
    expect(values).toHaveLength(6);
    for (const value of values) expect(value).toMatch(/\d/);
    expect(await page.locator('.kpi-change-figure').allInnerTexts()).toEqual(Array.from({ length: 6 }, () => expect.stringMatching(/\d\.\d\u00a0(%|pts)$/)));

    await page.getByRole('region', { name: 'Procedure lines by month' }).getByRole('img', { name: /^Line chart of procedure lines by month, / }).waitFor();
    const departments = page.getByRole('region', { name: 'Biggest movers: departments' });
    const codes = page.getByRole('region', { name: 'Biggest movers: procedure codes' });
    expect(await departments.locator('.mover').count()).toBeGreaterThan(0);
    expect(await codes.locator('.mover').count()).toBeGreaterThan(0);
    expect(await codes.locator('.mover').count()).toBeLessThanOrEqual(10);

    // The table view of a chart carries the exact figures.
    await departments.getByRole('button', { name: 'Show table' }).click();
    const table = departments.getByRole('table');
    await table.waitFor();
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['Department', 'Procedure lines', 'A year earlier', 'Change', 'Change %']);
    await departments.getByRole('button', { name: 'Hide table' }).click();

    await topOfPage(page);
    await browser.screenshot('overview-1280');
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('puts a date preset in the address, keeps it over a reload, and Back returns to the previous view', async () => {
    const { page } = browser;
    const defaultLines = await linesTile(page);
    const defaultSubtitle = await page.locator('.page-subtitle').innerText();

    await page.getByLabel('Dates').selectOption('previous_fiscal_year');
    await page.waitForURL(`${server.url}/?range=previous_fiscal_year`);
    await page.waitForFunction((before) => document.querySelector('.page-subtitle')?.textContent !== before && !document.querySelector('.is-updating'), defaultSubtitle);
    const fiscalLines = await linesTile(page);
    expect(fiscalLines).not.toBe(defaultLines);
    // Fiscal years start in July: the whole fiscal year before the current one.
    expect(await page.locator('.page-subtitle').innerText()).toMatch(/^Jul \d{4} – Jun \d{4}/);

    await page.reload();
    await waitForFigures(page);
    expect(page.url()).toBe(`${server.url}/?range=previous_fiscal_year`);
    expect(await page.getByLabel('Dates').inputValue()).toBe('previous_fiscal_year');
    expect(await linesTile(page)).toBe(fiscalLines);

    await page.goBack();
    await page.waitForURL(`${server.url}/`);
    await page.waitForFunction((before) => document.querySelector('.page-subtitle')?.textContent === before && !document.querySelector('.is-updating'), defaultSubtitle);
    expect(await page.getByLabel('Dates').inputValue()).toBe('last_12_months');
    expect(await linesTile(page)).toBe(defaultLines);
    expect(browser.errors).toEqual([]);
  });

  it('filters by a department and by grain, and resets', async () => {
    const { page } = browser;
    const allLines = await linesTile(page);
    const filters = page.getByRole('search', { name: 'Dashboard filters' });

    await filters.getByRole('button', { name: /^Departments/ }).click();
    const list = filters.getByRole('group', { name: 'Departments' });
    const first = list.getByRole('checkbox').first();
    await first.waitFor();
    expect(await first.evaluate((box) => box === document.activeElement)).toBe(true);
    const department = (await list.locator('label').first().innerText()).trim();
    await page.keyboard.press('Space');
    await page.waitForURL(`${server.url}/?department=${encodeURIComponent(department)}`);
    await page.keyboard.press('Escape');
    expect(await filters.getByRole('button', { name: `Departments ${department}` }).evaluate((button) => button === document.activeElement)).toBe(true);
    await page.waitForFunction(() => !document.querySelector('.is-updating'));
    expect(await linesTile(page)).not.toBe(allLines);

    await filters.getByLabel('By').selectOption('quarter');
    await page.waitForURL(`${server.url}/?grain=quarter&department=${encodeURIComponent(department)}`);
    await page.getByRole('region', { name: 'Procedure lines by quarter' }).waitFor();

    await filters.getByRole('button', { name: 'Reset' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('region', { name: 'Procedure lines by month' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.is-updating'));
    expect(await linesTile(page)).toBe(allLines);
    expect(browser.errors).toEqual([]);
  });

  it('wraps the filter bar at 768 px and keeps the page readable', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${server.url}/?range=custom&from=2025-01-01&to=2025-12-31&grain=quarter`);
    await waitForFigures(page);
    const filters = page.getByRole('search', { name: 'Dashboard filters' });
    expect(await filters.getByLabel('From', { exact: true }).inputValue()).toBe('2025-01-01');
    expect(await filters.getByLabel('Dates').inputValue()).toBe('custom');
    expect(await page.locator('.page-subtitle').innerText()).toMatch(/^Jan 2025 – Dec 2025/);
    // Nothing wider than the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await topOfPage(page);
    await browser.screenshot('overview-768');

    await filters.getByRole('button', { name: /^Sections/ }).click();
    await filters.getByRole('group', { name: 'Sections' }).waitFor();
    await browser.screenshot('overview-768-sections-open');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(browser.errors).toEqual([]);
  });

  it('shows no filter bar on the Data page', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/data`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByRole('search', { name: 'Dashboard filters' }).count()).toBe(0);
  });
});

/** Full-page screenshots of a scrolled page draw the sticky header mid-page: start from the top. */
async function topOfPage(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
}


async function waitForFigures(page: Page): Promise<void> {
  await page.locator('.kpi-tile .kpi-value').first().waitFor();
  await page.locator('.movers-card .mover-key').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.is-updating') && document.querySelectorAll('.movers-card [aria-hidden="true"].movers-card, .overview[aria-busy="true"]').length === 0);
}

/** The exact number of procedure lines (the tile shows it rounded, the exact one in its tooltip). */
async function linesTile(page: Page): Promise<string> {
  const value = page.locator('.kpi-tile', { has: page.getByRole('heading', { name: 'Procedure lines' }) }).locator('.kpi-value');
  return (await value.getAttribute('title')) ?? '';
}

