import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { startBuiltServer, ADMIN, type BuiltServer } from '../../support/built-server';
import { openBrowser, SCREENSHOTS, type Browser } from '../../support/browser';
import { seedDemo } from '../../support/demo-data';
import { seriousViolations, signIn } from '../../support/pages';

// Set here as well as in the project's config: a run from the root config applies only its own timeout.
jest.setTimeout(180_000);

const TREND = 'Procedure lines by month';

interface AggregateAnswer {
  rows: Array<{ period: string; lines: number; lines_compare: number | null }>;
  totals: { lines: number; lines_compare: number | null };
}

describe('the Export menu in Chromium', () => {
  let server: BuiltServer;
  let browser: Browser;
  /** Aggregate and export URLs the page asked for, newest last. */
  const asked: string[] = [];

  beforeAll(async () => {
    server = await startBuiltServer();
    await seedDemo(server);
    browser = await openBrowser({ width: 1280, height: 900 });
    browser.page.on('request', (request) => {
      if (/\/api\/v1\/(aggregate|export)\?/.test(request.url())) asked.push(request.url());
    });
    await signIn(browser.page, server.url, ADMIN);
    await browser.page.goto(`${server.url}/volume`);
    await waitForVolume(browser.page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const trendCard = () => browser.page.getByRole('region', { name: TREND });
  const exportButton = () => trendCard().getByRole('button', { name: `Export ${TREND}` });

  it('opens from the keyboard, moves with the arrows, closes on Escape, and passes axe while open', async () => {
    const { page } = browser;
    await exportButton().focus();
    await page.keyboard.press('Enter');
    const menu = trendCard().getByRole('menu', { name: `Export ${TREND}` });
    await menu.waitFor();
    const items = await menu.getByRole('menuitem').allInnerTexts();
    expect(items.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual(['CSV .csv', 'Excel (XLSX) .xlsx', 'PDF .pdf', 'PNG image .png']);
    expect(await focusedText(page)).toMatch(/^CSV/);
    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toMatch(/^Excel \(XLSX\)/);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focusedText(page)).toMatch(/^PNG image/);

    await topOfPage(page);
    await exportButton().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'export-menu-1280.png') });
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    expect(await exportButton().getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe('menu');
    expect(browser.errors).toEqual([]);
  });

  it('downloads the card’s CSV, whose figures and total are the aggregate answer’s', async () => {
    const file = await pick(/^CSV/);
    expect(file.suggestedFilename()).toMatch(/^caseload-procedure-lines-by-month-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const exportUrl = asked.filter((url) => url.includes('/api/v1/export?')).at(-1);
    expect(exportUrl).toContain('format=csv');
    const api = await aggregateAnswer(exportUrl!);

    const [header, ...rows] = parse(readFileSync((await file.path())!, 'utf8'), { bom: true }) as string[][];
    expect(header).toEqual(['period', 'lines', 'lines_compare']);
    const totals = rows.at(-1)!;
    expect(totals[0]).toBe('Total');
    expect(Number(totals[1])).toBe(api.totals.lines);
    const periods = rows.slice(0, -1);
    expect(periods).toHaveLength(api.rows.length);
    expect(periods.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(api.totals.lines);
    for (const row of api.rows) expect(periods.find((cells) => cells[0] === row.period)?.[1]).toBe(String(row.lines));
    expect(await trendCard().getByRole('status').filter({ hasText: 'Saved' }).innerText()).toBe(`Saved ${file.suggestedFilename()}.`);
  });

  it('downloads the same figures as an Excel workbook', async () => {
    const file = await pick(/^Excel/);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const exportUrl = asked.filter((url) => url.includes('format=xlsx')).at(-1);
    expect(exportUrl).toBeDefined();
    const api = await aggregateAnswer(exportUrl!);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer);
    const data = workbook.getWorksheet('Data');
    expect(data).toBeDefined();
    const rows: unknown[][] = [];
    data!.eachRow({ includeEmpty: false }, (row) => rows.push([row.getCell(1).value, row.getCell(2).value]));
    expect(rows[0]).toEqual(['Period', 'Procedure lines']);
    expect(rows.at(-1)).toEqual(['Total', api.totals.lines]);
    expect(rows.slice(1, -1).reduce((sum, row) => sum + Number(row[1]), 0)).toBe(api.totals.lines);
    expect(workbook.getWorksheet('Manifest')).toBeDefined();
  });

  it('saves the chart as a PNG at twice its size', async () => {
    const file = await pick(/^PNG/);
    expect(file.suggestedFilename()).toMatch(/^caseload-procedure-lines-by-month-.*\.png$/);
    const bytes = readFileSync((await file.path())!);
    writeFileSync(join(SCREENSHOTS, 'export-chart.png'), bytes);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    const chart = await trendCard().locator('.chart-area svg.recharts-surface').boundingBox();
    expect(width).toBe(2 * (Math.round(chart!.width) + 32));
    expect(height).toBeGreaterThan(2 * chart!.height);
    expect(height).toBeLessThan(2 * (chart!.height + 200));
    // A drawn chart compresses far less than a blank canvas of its size.
    expect(bytes.length).toBeGreaterThan(20_000);
    expect(browser.errors).toEqual([]);
  });

  it('saves the stacked sections chart with its legend of boxes', async () => {
    const card = browser.page.getByRole('region', { name: 'Volume by section' });
    await card.getByRole('button', { name: 'Export Volume by section' }).click();
    const [download] = await Promise.all([browser.page.waitForEvent('download'), card.getByRole('menuitem', { name: /^PNG/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^caseload-volume-by-section-.*\.png$/);
    const bytes = readFileSync((await download.path())!);
    writeFileSync(join(SCREENSHOTS, 'export-chart-sections.png'), bytes);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(20_000);
    expect(browser.errors).toEqual([]);
  });

  it('shows the server’s message when it refuses an export', async () => {
    const { page } = browser;
    await page.route('**/api/v1/export?**', (route) =>
      route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ statusCode: 400, code: 'invalid_parameter', message: 'format: must be one of csv, xlsx, arrow, pdf' }) }),
    );
    await exportButton().click();
    await trendCard().getByRole('menuitem', { name: /^PDF/ }).click();
    const alert = trendCard().getByRole('alert');
    expect(await alert.innerText()).toContain('The PDF export failed: format: must be one of csv, xlsx, arrow, pdf');
    await trendCard().screenshot({ path: join(SCREENSHOTS, 'export-menu-error-1280.png') });
    await page.unroute('**/api/v1/export?**');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await alert.waitFor({ state: 'detached' });
    // The refusal is logged by the browser as a failed request; nothing else went wrong.
    expect(browser.errors.filter((error) => !error.includes('status of 400'))).toEqual([]);
    browser.errors.length = 0;
  });

  it('exports the Overview’s headline figures, and every card header keeps its menu inside the card at 1280 and 768 px', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/`);
    const headline = page.getByRole('region', { name: /^Headline figures/ });
    await page.locator('.kpi-value').first().waitFor();
    await page.getByRole('region', { name: 'Biggest movers: procedure codes' }).locator('.mover').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('.overview [aria-busy="true"], .overview[aria-busy="true"], .overview .skeleton'));

    await headline.getByRole('button', { name: 'Export Headline figures' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), headline.getByRole('menuitem', { name: /^CSV/ }).click()]);
    const [header, ...rows] = parse(readFileSync((await download.path())!, 'utf8'), { bom: true }) as string[][];
    expect(header).toEqual(['period', 'lines', 'lines_compare', 'encounters', 'encounters_compare', 'patients', 'patients_compare', 'charges', 'charges_compare', 'paid', 'paid_compare', 'denial_rate', 'denial_rate_compare']);
    const api = await aggregateAnswer(asked.filter((url) => url.includes('/api/v1/export?')).at(-1)!);
    expect(Number(rows.at(-1)![1])).toBe(api.totals.lines);

    for (const width of [1280, 768]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll('.export-menu-button')]
          .filter((button) => {
            const card = button.closest('section')!.getBoundingClientRect();
            const box = button.getBoundingClientRect();
            const title = button.closest('header')?.querySelector('h2')?.getBoundingClientRect();
            return box.right > card.right || box.left < card.left || (title !== undefined && title.right > box.left);
          })
          .map((button) => button.textContent),
      );
      expect(overflowing).toEqual([]);
      const card = page.getByRole('region', { name: 'Biggest movers: procedure codes' });
      await card.getByRole('button', { name: /^Export / }).click();
      await card.getByRole('menu').waitFor();
      await topOfPage(page);
      await page.screenshot({ path: join(SCREENSHOTS, `export-menu-overview-${width}.png`), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(browser.errors).toEqual([]);
  });

  /** Opens the trend card's menu, picks an item, and answers the download it starts. */
  async function pick(item: RegExp): Promise<Download> {
    await exportButton().click();
    const [download] = await Promise.all([browser.page.waitForEvent('download'), trendCard().getByRole('menuitem', { name: item }).click()]);
    expect(await download.failure()).toBeNull();
    return download;
  }

  /** The aggregate answer for the parameters an export was asked with. */
  async function aggregateAnswer(exportUrl: string): Promise<AggregateAnswer> {
    const { search } = new URL(exportUrl);
    const params = new URLSearchParams(search);
    params.delete('format');
    const query = [...params].map(([name, value]) => `${name}=${value}`).join('&');
    const aggregate = asked.find((url) => url.includes('/api/v1/aggregate?') && new URL(url).search === `?${query}`);
    expect(aggregate).toBeDefined();
    const response = await fetch(`${server.url}/api/v1/aggregate?${query}`, { headers: { Authorization: `Bearer ${await server.token()}` } });
    return (await response.json()) as AggregateAnswer;
  }
});

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');
}

/** Full-page screenshots of a scrolled page draw the sticky header mid-page: start from the top. */
async function topOfPage(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Nothing loading or updating: no skeleton, no dimmed figures. */
async function waitForVolume(page: Page): Promise<void> {
  await page.locator('.volume .card-title').first().waitFor();
  await page.locator('.volume .recharts-line-curve').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.volume [aria-busy="true"], .volume[aria-busy="true"], .volume .is-updating, .volume .skeleton'));
}
