import type { Page } from 'playwright-core';
import { startBuiltServer, ADMIN, type BuiltServer } from '../../support/built-server';
import { openBrowser, type Browser } from '../../support/browser';
import { seedDemo } from '../../support/demo-data';
import { seriousViolations, signIn } from '../../support/pages';

// Set here as well as in the project's config: a run from the root config applies only its own timeout.
jest.setTimeout(180_000);


describe('the Volume page in Chromium', () => {
  let server: BuiltServer;
  let browser: Browser;
  /** Aggregate URLs the page asked for, newest last. */
  const asked: string[] = [];

  beforeAll(async () => {
    server = await startBuiltServer();
    await seedDemo(server);
    browser = await openBrowser({ width: 1280, height: 900 });
    browser.page.on('request', (request) => {
      if (request.url().includes('/api/v1/aggregate?')) asked.push(request.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws every chart with data', async () => {
    const { page } = browser;
    await signIn(page, server.url, ADMIN);
    await page.getByRole('navigation').getByRole('link', { name: 'Volume' }).first().click();
    await page.waitForURL(`${server.url}/volume`);
    await waitForVolume(page);

    const trend = page.getByRole('region', { name: 'Procedure lines by month' });
    await trend.getByRole('img', { name: /^Line chart of procedure lines by month for all sections, / }).waitFor();
    expect(await trend.locator('.recharts-line-curve').count()).toBe(2);
    expect(await trend.locator('.series-legend').innerText()).toMatch(/This period: .*\n?.*A year earlier: /s);

    const sections = page.getByRole('region', { name: 'Volume by section' });
    expect(await sections.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(12);
    const legend = await sections.locator('.volume-section-legend a').allInnerTexts();
    expect(legend.length).toBeGreaterThanOrEqual(3);
    expect(legend.join(' ')).toContain('Radiology');

    const topCodes = page.getByRole('region', { name: 'Top codes', exact: true });
    expect(await topCodes.locator('tbody tr').count()).toBe(20);
    await topCodes.locator('.sparkline path').first().waitFor();
    expect(await topCodes.locator('tbody td.numeric').first().innerText()).toMatch(/^\d[\d,]*$/);

    const heatMap = page.getByRole('region', { name: 'Departments by month' });
    const cells = heatMap.locator('table.volume-heat-map tbody td');
    expect(await cells.count()).toBeGreaterThan(12 * 5);
    expect(await cells.first().getAttribute('title')).toMatch(/^[A-Z]+, \w{3} \d{4}: [\d,]+ lines$/);

    await topOfPage(page);
    await browser.screenshot('volume-1280');
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('shows the same numbers in a table view as the API answers', async () => {
    const { page } = browser;
    const sections = page.getByRole('region', { name: 'Volume by section' });
    await sections.getByRole('button', { name: 'Show table' }).click();
    const table = sections.getByRole('table');
    await table.waitFor();

    const url = asked.filter((item) => item.includes('groupBy=period,section')).at(-1);
    expect(url).toBeDefined();
    const api = (await (await fetch(url!.replace(/^https?:\/\/[^/]+/, server.url), { headers: { Authorization: `Bearer ${await server.token()}` } })).json()) as {
      rows: Array<{ period: string; section: string; lines: number }>;
    };
    const headers = await table.locator('thead th').allInnerTexts();
    const sectionNames: Record<string, string> = { em: 'Evaluation & management', radiology: 'Radiology', surgery: 'Surgery', pathology_lab: 'Pathology & laboratory', medicine: 'Medicine', hcpcs_ii: 'HCPCS Level II', anesthesia: 'Anesthesia', category_ii: 'Category II (performance)', category_iii: 'Category III (emerging)', other: 'Other' };
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell as HTMLElement).innerText)));
    expect(rows.length).toBe(new Set(api.rows.map((row) => row.period)).size);
    // Every API figure appears in its row (period) and column (section), exactly.
    let checked = 0;
    for (const row of api.rows) {
      const column = headers.indexOf(sectionNames[row.section] ?? row.section);
      const tableRow = rows.find((cells) => cells[0] === monthName(row.period));
      expect(column).toBeGreaterThan(0);
      expect(tableRow?.[column]?.replace(/,/g, '')).toBe(String(row.lines));
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    await sections.getByRole('button', { name: 'Hide table' }).click();
  });

  it('changes the grain in the address and in every chart', async () => {
    const { page } = browser;
    const columnsBefore = await page.getByRole('region', { name: 'Departments by month' }).locator('thead th').count();
    await page.getByRole('search', { name: 'Dashboard filters' }).getByLabel('By').selectOption('quarter');
    await page.waitForURL(`${server.url}/volume?grain=quarter`);
    await page.getByRole('region', { name: 'Procedure lines by quarter' }).getByRole('img', { name: /by quarter/ }).waitFor();
    const heatMap = page.getByRole('region', { name: 'Departments by quarter' });
    await heatMap.waitFor();
    await waitForVolume(page);
    const columnsAfter = await heatMap.locator('thead th').count();
    expect(columnsAfter).toBeLessThan(columnsBefore);
    expect(await heatMap.locator('thead th').nth(1).innerText()).toMatch(/^Q[1-4] \d{4}$/);
    const sectionTable = page.getByRole('region', { name: 'Volume by section' });
    await sectionTable.getByRole('button', { name: 'Show table' }).click();
    expect(await sectionTable.getByRole('columnheader').first().innerText()).toBe('Quarter');
    await sectionTable.getByRole('button', { name: 'Hide table' }).click();

    await page.goBack();
    await page.waitForURL(`${server.url}/volume`);
    await page.getByRole('region', { name: 'Procedure lines by month' }).waitFor();
    await waitForVolume(page);
    expect(browser.errors).toEqual([]);
  });

  it('drills from a section to a code to its departments, keeps the drill over a reload, and Back goes up', async () => {
    const { page } = browser;
    await page.getByRole('region', { name: 'Volume by section' }).getByRole('link', { name: /^Radiology/ }).click();
    await page.waitForURL(`${server.url}/volume?drill_section=radiology`);
    const breadcrumb = page.getByRole('navigation', { name: 'Drill-down' });
    await expectCrumbs(page, ['All sections', 'Radiology']);
    await page.getByRole('region', { name: 'Radiology lines by month' }).getByRole('img', { name: /^Line chart of procedure lines by month for Radiology/ }).waitFor();
    const codes = page.getByRole('region', { name: 'Top codes in Radiology', exact: true });
    await codes.locator('tbody tr').first().waitFor();
    await waitForVolume(page);
    // Every code listed is a radiology code (70010–79999).
    for (const code of await codes.locator('.volume-code-link').allInnerTexts()) expect(code).toMatch(/^7\d{4}$/);

    const code = (await codes.locator('.volume-code-link').first().innerText()).trim();
    await codes.getByRole('link', { name: code, exact: true }).click();
    await page.waitForURL(`${server.url}/volume?drill_section=radiology&drill_code=${code}`);
    await expectCrumbs(page, ['All sections', 'Radiology', code]);
    const byDepartment = page.getByRole('region', { name: `${code} by department and month` });
    await byDepartment.getByRole('img', { name: /one line per department/ }).waitFor();
    expect(await byDepartment.locator('.recharts-line-curve').count()).toBeGreaterThan(0);
    await waitForVolume(page);
    await topOfPage(page);
    await browser.screenshot('volume-1280-code');

    await page.reload();
    await byDepartment.getByRole('img', { name: /one line per department/ }).waitFor();
    expect(page.url()).toBe(`${server.url}/volume?drill_section=radiology&drill_code=${code}`);
    await expectCrumbs(page, ['All sections', 'Radiology', code]);

    await page.goBack();
    await page.waitForURL(`${server.url}/volume?drill_section=radiology`);
    await codes.waitFor();
    await expectCrumbs(page, ['All sections', 'Radiology']);

    await breadcrumb.getByRole('link', { name: 'All sections' }).click();
    await page.waitForURL(`${server.url}/volume`);
    await page.getByRole('region', { name: 'Volume by section' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('fits a 768 px window', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${server.url}/volume?drill_section=radiology`);
    await page.getByRole('region', { name: 'Top codes in Radiology', exact: true }).locator('tbody tr').first().waitFor();
    await waitForVolume(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await topOfPage(page);
    await browser.screenshot('volume-768-section');

    await page.goto(`${server.url}/volume`);
    await page.getByRole('region', { name: 'Volume by section' }).locator('.recharts-bar-rectangle').first().waitFor();
    await waitForVolume(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await topOfPage(page);
    await browser.screenshot('volume-768');
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function monthName(period: string): string {
  const [year, month] = period.split('-');
  return `${MONTHS[Number(month) - 1]} ${year}`;
}

/** Full-page screenshots of a scrolled page draw the sticky header mid-page: start from the top. */
async function topOfPage(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
}


/** The breadcrumb, once it shows `expected` (the address changes a moment before the page does). */
async function expectCrumbs(page: Page, expected: string[]): Promise<void> {
  const items = page.getByRole('navigation', { name: 'Drill-down' }).getByRole('listitem');
  await page.waitForFunction((count) => document.querySelectorAll('.volume-breadcrumb li').length === count, expected.length);
  expect(await items.allInnerTexts()).toEqual(expected);
  expect(await page.locator('.volume-breadcrumb [aria-current="location"]').innerText()).toBe(expected.at(-1));
}

/** Nothing loading or updating: no skeleton, no dimmed figures. */
async function waitForVolume(page: Page): Promise<void> {
  await page.locator('.volume .card-title').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.volume [aria-busy="true"], .volume[aria-busy="true"], .volume .is-updating, .volume .skeleton'));
}

