import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { startBuiltServer, ADMIN, type BuiltServer } from '../../support/built-server';
import { openBrowser, SCREENSHOTS, type Browser } from '../../support/browser';
import { seedDemo } from '../../support/demo-data';
import { createUser, seriousViolations, signIn } from '../../support/pages';

// Set here as well as in the project's config: a run from the root config applies only its own timeout.
jest.setTimeout(180_000);

interface AggregateAnswer {
  rows: Array<{ department: string; lines: number; charges: number }>;
  totals: { lines: number; charges: number };
}

const money = (value: number) => `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

describe('the Reports page in Chromium', () => {
  let server: BuiltServer;
  let browser: Browser;
  /** Aggregate URLs the page asked for, newest last. */
  const asked: string[] = [];

  beforeAll(async () => {
    // Short waits between tries, so a failing run is retried and ends within the test.
    server = await startBuiltServer({ CASELOAD_REPORT_RETRY_DELAYS: '300,300' });
    await seedDemo(server);
    browser = await openBrowser({ width: 1280, height: 900 });
    browser.page.on('request', (request) => {
      if (request.url().includes('/api/v1/aggregate?')) asked.push(request.url());
    });
    await signIn(browser.page, server.url, ADMIN);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function askApi<T>(path: string): Promise<T> {
    const response = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${await server.token()}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  const builder = () => browser.page.getByRole('region', { name: 'Build a report' });
  const saveForm = () => browser.page.getByRole('form', { name: /^Save the/ });

  it('says what a report is while none is saved, and previews the numbers the API answers', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('link', { name: 'Reports' }).first().click();
    await page.waitForURL(`${server.url}/reports`);
    const saved = page.getByRole('region', { name: 'Saved reports' });
    await saved.getByRole('heading', { name: 'No saved reports yet' }).waitFor();
    expect(await saved.getByRole('button', { name: 'Build your first report' }).isVisible()).toBe(true);

    await builder().getByRole('checkbox', { name: 'Charges' }).check();
    await builder().getByLabel('Date range').selectOption('last_12_months');
    await builder().getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    const table = preview.getByRole('table');
    await table.waitFor();

    const url = asked.filter((item) => item.includes('limit=50')).at(-1)!;
    expect(url).toMatch(/measures=lines,charges&groupBy=department&from=\d{4}-\d\d-01&to=\d{4}-\d\d-\d\d&limit=50$/);
    const api = await askApi<AggregateAnswer>(new URL(url).pathname + new URL(url).search);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell as HTMLElement).innerText)));
    expect(rows).toHaveLength(api.rows.length + 1);
    for (const row of api.rows) expect(rows.find((cells) => cells[0] === row.department)).toEqual([row.department, row.lines.toLocaleString('en-US'), money(row.charges)]);
    expect(rows.at(-1)).toEqual(['Total', api.totals.lines.toLocaleString('en-US'), money(api.totals.charges)]);
    expect(await preview.locator('.reports-preview-count').innerText()).toContain(`All ${api.rows.length} rows`);
  });

  it('exports the question now as a CSV whose total is the aggregate answer’s', async () => {
    const { page } = browser;
    const [download] = await Promise.all([page.waitForEvent('download'), builder().getByRole('button', { name: 'Export now as CSV' }).click()]);
    expect(await download.failure()).toBeNull();
    const [header, ...rows] = parse(readFileSync((await download.path())!, 'utf8'), { bom: true }) as string[][];
    expect(header).toEqual(['department', 'lines', 'charges']);
    const url = asked.filter((item) => item.includes('limit=50')).at(-1)!;
    const api = await askApi<AggregateAnswer>(new URL(url).pathname + new URL(url).search.replace('&limit=50', ''));
    expect(rows.at(-1)?.[0]).toBe('Total');
    expect(Number(rows.at(-1)?.[1])).toBe(api.totals.lines);
  });

  it('shows a bad cron beside its field, then saves the report with its schedule in words', async () => {
    const { page } = browser;
    const form = saveForm();
    await form.getByLabel('Name').fill('Department lines');
    await form.getByLabel('Schedule').selectOption('custom');
    await form.getByLabel('Cron expression').fill('every day');
    await form.getByRole('button', { name: 'Save report' }).click();
    const cron = form.getByLabel('Cron expression');
    await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
    expect(await cron.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await cron.getAttribute('aria-describedby'))!.split(' ')[0]!;
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toMatch(/^"every day" is not a cron expression that runs/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await cron.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-cron-error-1280.png') });

    await cron.fill('0 6 * * 1');
    await form.getByRole('button', { name: 'Save report' }).click();
    await page.getByText('Saved “Department lines”. It is in the list below.').waitFor();
    const item = page.getByRole('listitem', { name: 'Department lines' });
    await item.waitFor();
    expect(await item.locator('.reports-item-what').innerText()).toBe('Procedure lines and charges by department');
    const facts = await item.locator('.reports-facts').innerText();
    expect(facts).toContain('Last 12 months');
    expect(facts).toMatch(/Every Monday at 06:00 · next Mon \d{1,2} \w{3} \d{4}, \d\d:\d\d/);
    expect(facts).toContain('Never run');
  });

  it('runs the report, follows it to success and downloads its file, whose total is the aggregate answer’s', async () => {
    const { page } = browser;
    const item = page.getByRole('listitem', { name: 'Department lines' });
    await item.getByRole('button', { name: 'Run now' }).click();
    const runs = item.getByRole('table', { name: 'Runs of Department lines, newest first' });
    await runs.waitFor();
    await item.locator('.reports-facts .reports-status-succeeded').waitFor({ timeout: 60_000 });
    await runs.locator('.reports-status-succeeded').waitFor();
    const cells = await runs.locator('tbody tr').first().evaluate((tr) => [...tr.children].map((cell) => (cell as HTMLElement).innerText));
    expect(cells[0]).toMatch(/\nRun by hand$/);
    expect(cells.slice(1, 3)).toEqual(['Succeeded', '1']);
    expect(await runs.locator('tbody tr').first().locator('.reports-run-file .muted').innerText()).toMatch(/^[\d.]+ (B|kB)$/);

    const [download] = await Promise.all([page.waitForEvent('download'), runs.getByRole('button', { name: /^Download/ }).first().click()]);
    expect(download.suggestedFilename()).toMatch(/^department-lines_\d{4}-\d\d-01_\d{4}-\d\d-\d\d\.csv$/);
    const [, from, to] = /_(\d{4}-\d\d-\d\d)_(\d{4}-\d\d-\d\d)\.csv$/.exec(download.suggestedFilename())!;
    const [header, ...rows] = parse(readFileSync((await download.path())!, 'utf8'), { bom: true }) as string[][];
    expect(header).toEqual(['department', 'lines', 'charges']);
    const api = await askApi<AggregateAnswer>(`/api/v1/aggregate?measures=lines,charges&groupBy=department&from=${from}&to=${to}`);
    const total = rows.at(-1)!;
    expect(total[0]).toBe('Total');
    expect(Number(total[1])).toBe(api.totals.lines);
    expect(rows.slice(0, -1).reduce((sum, row) => sum + Number(row[1]), 0)).toBe(api.totals.lines);
  });

  it('retries a run whose webhook cannot be reached, and shows the failure with its reason', async () => {
    const { page } = browser;
    const response = await fetch(`${server.url}/api/v1/reports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await server.token()}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Paid to a closed port',
        query: { measures: 'paid', groupBy: 'payer_category' },
        range: { preset: 'last_month' },
        format: 'xlsx',
        suppress: true,
        schedule: null,
        writeFile: false,
        webhookUrl: 'http://127.0.0.1:9/caseload',
      }),
    });
    expect(response.status).toBe(201);
    await page.reload();
    const item = page.getByRole('listitem', { name: 'Paid to a closed port' });
    await item.getByRole('button', { name: 'Run now' }).click();
    await item.locator('.reports-facts .reports-status-failed').waitFor({ timeout: 60_000 });
    expect(await item.locator('.reports-facts').innerText()).toMatch(/Failed .*\nThe webhook could not be reached/);
    const runs = item.getByRole('table', { name: 'Runs of Paid to a closed port, newest first' });
    await runs.locator('.reports-status-failed').waitFor();
    const cells = await runs.locator('tbody tr').first().evaluate((tr) => [...tr.children].map((cell) => (cell as HTMLElement).innerText));
    expect(cells[1]).toMatch(/^Failed\nThe webhook could not be reached/);
    expect(cells[2]).toBe('3');
    expect(cells.slice(4)).toEqual(['—', 'Not kept']);
  });

  it('passes axe and fits at 1280 and 768 px', async () => {
    const { page } = browser;
    const disclosure = page.getByRole('listitem', { name: 'Department lines' }).getByRole('button', { name: /runs of Department lines/ });
    if ((await disclosure.getAttribute('aria-expanded')) !== 'true') await disclosure.click();
    await page.getByRole('table', { name: 'Runs of Department lines, newest first' }).waitFor();
    await builder().getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('region', { name: 'Preview' }).getByRole('table').waitFor();
    for (const width of [1280, 768]) {
      await page.setViewportSize({ width, height: 900 });
      await settle(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(await seriousViolations(page)).toEqual([]);
      await page.evaluate(() => window.scrollTo(0, 0));
      await browser.screenshot(`reports-${width}`);
      await builder().screenshot({ path: join(SCREENSHOTS, `reports-builder-${width}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    // The refused save and the unreachable webhook are the only failures the browser saw.
    expect(browser.errors.filter((error) => !error.includes('status of 400'))).toEqual([]);
  });

  it('keeps suppression on for a viewer, says why, and shows them only their own reports', async () => {
    const { page } = browser;
    const viewer = { email: 'viewer@example.test', password: 'viewer horse battery staple' };
    await createUser(server, viewer, 'viewer');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await signIn(page, server.url, viewer);
    await page.goto(`${server.url}/reports`);
    await page.getByRole('region', { name: 'Saved reports' }).getByRole('heading', { name: 'No saved reports yet' }).waitFor();
    expect(await saveForm().getByLabel('Hide small counts (suppression)').count()).toBe(0);
    expect(await saveForm().getByText('Small counts are always hidden.').isVisible()).toBe(true);
    const exported = page.waitForRequest((request) => request.url().includes('/api/v1/export?'));
    const [download] = await Promise.all([page.waitForEvent('download'), builder().getByRole('button', { name: 'Export now as CSV' }).click()]);
    expect(await download.failure()).toBeNull();
    expect((await exported).url()).not.toContain('suppress=false');
  });
});

/** Nothing loading: no skeleton, nothing busy. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.reports .skeleton, .reports [aria-busy="true"]'));
}
