import type { Page } from 'playwright-core';
import { startBuiltServer, ADMIN, type BuiltServer } from '../../support/built-server';
import { join } from 'node:path';
import { openBrowser, SCREENSHOTS, type Browser } from '../../support/browser';
import { seedDemo } from '../../support/demo-data';
import { seriousViolations, signIn } from '../../support/pages';

// Set here as well as in the project's config: a run from the root config applies only its own timeout.
jest.setTimeout(180_000);

describe('the Reimbursement page in Chromium', () => {
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

  async function askApi<T>(fragment: string): Promise<T> {
    const url = asked.filter((item) => item.includes(fragment)).at(-1);
    expect(url).toBeDefined();
    const response = await fetch(url!.replace(/^https?:\/\/[^/]+/, server.url), { headers: { Authorization: `Bearer ${await server.token()}` } });
    return (await response.json()) as T;
  }

  it('draws every card with data', async () => {
    const { page } = browser;
    await signIn(page, server.url, ADMIN);
    await page.getByRole('navigation').getByRole('link', { name: 'Reimbursement' }).first().click();
    await page.waitForURL(`${server.url}/reimbursement`);
    await waitForReimbursement(page);

    const tiles = page.getByRole('region', { name: 'Headline figures' });
    const tileTexts = await tiles.locator('.kpi-tile').allInnerTexts();
    expect(tileTexts.map((text) => text.split('\n')[0])).toEqual(['Charges', 'Paid', 'Expected payment', 'Work RVUs', 'Net collection ratio']);
    expect(await tiles.locator('.kpi-value').first().innerText()).toMatch(/^\$[\d.]+[kMB]?$/);
    expect(await tiles.locator('.kpi-value').last().innerText()).toMatch(/^\d+\.\d%$/);

    const money = page.getByRole('region', { name: 'Charges, allowed and paid by month' });
    await money.getByRole('img', { name: /^Line chart of charges, allowed and paid by month, / }).waitFor();
    expect(await money.locator('.recharts-line-curve').count()).toBe(3);

    const payers = page.getByRole('region', { name: 'Payer mix' });
    expect(await payers.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(3);
    expect(await payers.locator('.reimb-shares').innerText()).toContain('Medicare');

    const denials = page.getByRole('region', { name: 'Denial rate by month' });
    await denials.getByRole('img', { name: /^Line chart of the denial rate by month, .*Highest \d+\.\d%/ }).waitFor();
    expect(await denials.locator('.recharts-line-curve').count()).toBe(1);

    const expected = page.getByRole('region', { name: 'Expected vs actual payment by department' });
    expect(await expected.locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    expect(await expected.locator('tbody td.numeric').first().innerText()).toMatch(/^\$[\d,]+\.\d\d$/);

    const wrvu = page.getByRole('region', { name: 'Work RVUs by department' });
    const bars = await wrvu.locator('.recharts-bar-rectangle').count();
    expect(bars).toBeGreaterThanOrEqual(3);
    expect(bars).toBeLessThanOrEqual(20);
    // Every bar is labelled: category axes skip no tick.
    expect(await wrvu.locator('.recharts-xAxis .recharts-cartesian-axis-tick').count()).toBe(bars);
    expect(await payers.locator('.recharts-xAxis .recharts-cartesian-axis-tick').count()).toBe(await payers.locator('.recharts-bar-rectangle').count());

    await topOfPage(page);
    await browser.screenshot('reimbursement-1280');
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('shows the same numbers in the payer table as the API answers', async () => {
    const { page } = browser;
    const payers = page.getByRole('region', { name: 'Payer mix' });
    await payers.getByRole('button', { name: 'Show table' }).click();
    const table = payers.getByRole('table');
    await table.waitFor();

    const api = await askApi<{ rows: Array<{ payer_category: string; charges: number }> }>('groupBy=payer_category');
    const names: Record<string, string> = { medicare: 'Medicare', medicaid: 'Medicaid', commercial: 'Commercial', self_pay: 'Self-pay', other: 'Other' };
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell as HTMLElement).innerText)));
    expect(rows.length).toBe(api.rows.length);
    const total = api.rows.reduce((sum, row) => sum + Math.round(row.charges * 100), 0);
    for (const row of api.rows) {
      const cells = rows.find((item) => item[0] === (names[row.payer_category] ?? row.payer_category));
      expect(cells?.[1]).toBe(`$${(Math.round(row.charges * 100) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
      expect(cells?.[2]).toBe(`${((Math.round(row.charges * 100) / total) * 100).toFixed(1)}%`);
    }
    await payers.getByRole('button', { name: 'Hide table' }).click();
  });

  it('counts encounters by payer when asked, as the API does', async () => {
    const { page } = browser;
    const payers = page.getByRole('region', { name: 'Payer mix' });
    await payers.getByRole('radio', { name: 'By encounters' }).check();
    await payers.getByRole('list', { name: 'Share of encounters' }).waitFor();
    await payers.getByText('Counting the distinct encounters', { exact: false }).waitFor({ state: 'detached' });
    const api = await askApi<{ rows: Array<{ payer_category: string; encounters: number }> }>('encounters');
    const total = api.rows.reduce((sum, row) => sum + row.encounters, 0);
    expect(total).toBeGreaterThan(0);
    const shares = await payers.getByRole('list', { name: 'Share of encounters' }).innerText();
    for (const row of api.rows.filter((item) => item.encounters > 0)) expect(shares).toContain(`${((row.encounters / total) * 100).toFixed(1)}%`);
    await payers.screenshot({ path: join(SCREENSHOTS, 'reimbursement-payer-encounters.png') });
    await payers.getByRole('radio', { name: 'By charges' }).check();
  });

  it('shows paid against expected payment as the API answers, with the unpriced lines', async () => {
    const { page } = browser;
    const expected = page.getByRole('region', { name: 'Expected vs actual payment by department' });
    const api = await askApi<{ rows: Array<{ department: string; paid: number; expected_payment: number }>; meta: { unpriced?: number } }>('groupBy=department');
    const rows = await expected.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell as HTMLElement).innerText)));
    expect(rows.length).toBe(api.rows.length);
    for (const row of api.rows) {
      const cells = rows.find((item) => item[0] === row.department);
      expect(cells?.[1]?.replace(/[$,]/g, '')).toBe(row.paid.toFixed(2));
      expect(cells?.[2]?.replace(/[$,]/g, '')).toBe(row.expected_payment.toFixed(2));
      const variance = (Math.round(row.paid * 100) - Math.round(row.expected_payment * 100)) / 100;
      expect(Number(cells?.[3]?.replace(/[$,+]/g, '').replace('\u2212', '-'))).toBeCloseTo(variance, 2);
    }
    const unpriced = api.meta.unpriced ?? 0;
    if (unpriced > 0) expect(await expected.locator('.reimb-unpriced').innerText()).toContain(`${unpriced.toLocaleString('en-US')} line`);
    else expect(await expected.locator('.reimb-unpriced').count()).toBe(0);
  });

  it('drills into a department, lists denial reasons, and prices a what-if as the API does', async () => {
    const { page } = browser;
    const reasons = page.getByRole('region', { name: 'Top denial reasons' });
    await reasons.locator('tbody tr').first().waitFor();
    expect(await reasons.locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    expect(await reasons.locator('tbody tr th').first().innerText()).toMatch(/^(\d+|[A-Z]\w{1,2}|None given)$/);

    const expected = page.getByRole('region', { name: 'Expected vs actual payment by department' });
    const first = expected.locator('tbody tr th a, tbody tr td a').first();
    const department = (await first.innerText()).trim();
    await first.click();
    await page.waitForURL(new RegExp(`drill_department=${department}`));
    const byCode = page.getByRole('region', { name: `Expected vs actual payment by code in ${department}` });
    await byCode.locator('tbody tr').first().waitFor();
    const byProvider = page.getByRole('region', { name: `Work RVUs by provider in ${department}` });
    await byProvider.locator('tbody tr').first().waitFor();
    expect(await byProvider.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);

    const whatIf = page.getByRole('region', { name: 'What-if: expected payment under another schedule' });
    await whatIf.getByText(/^Expected payment /).waitFor();
    const answered = page.waitForResponse((response) => response.url().includes('conversion_factor=33.4009') && response.status() === 200);
    await whatIf.getByRole('button', { name: '2026, non-qualifying: 33.4009' }).click();
    const pageUrl = (await answered).url();
    const api = (await (
      await fetch(pageUrl.replace(/^https?:\/\/[^/]+/, server.url), { headers: { Authorization: `Bearer ${await server.token()}` } })
    ).json()) as { totals: { current: number; scenario: number } };
    expect(api.totals.scenario).toBeGreaterThan(api.totals.current);
    const money = (value: number) => `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    await whatIf.getByText(`Expected payment ${money(api.totals.scenario)} against ${money(api.totals.current)} as loaded`, { exact: false }).waitFor();

    await whatIf.screenshot({ path: join(SCREENSHOTS, 'reimbursement-what-if-card.png') });
    await page.locator('.reimb-drill').screenshot({ path: join(SCREENSHOTS, 'reimbursement-drill-card.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('navigation', { name: 'Drill-down' }).getByRole('link', { name: 'All departments' }).click();
    await page.getByRole('region', { name: 'Expected vs actual payment by code', exact: true }).waitFor();
    expect(browser.errors).toEqual([]);
  });

  it('follows the grain of the filter bar', async () => {
    const { page } = browser;
    await page.getByRole('search', { name: 'Dashboard filters' }).getByLabel('By').selectOption('quarter');
    await page.waitForURL(`${server.url}/reimbursement?grain=quarter`);
    await page.getByRole('region', { name: 'Denial rate by quarter' }).getByRole('img', { name: /by quarter/ }).waitFor();
    await waitForReimbursement(page);
    const money = page.getByRole('region', { name: 'Charges, allowed and paid by quarter' });
    await money.getByRole('button', { name: 'Show table' }).click();
    expect(await money.getByRole('columnheader').first().innerText()).toBe('Quarter');
    expect(await money.locator('tbody th').first().innerText()).toMatch(/^Q[1-4] \d{4}$/);
    expect(browser.errors).toEqual([]);
  });
});

/** Full-page screenshots of a scrolled page draw the sticky header mid-page: start from the top. */
async function topOfPage(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Nothing loading or updating: no skeleton, no dimmed figures. */
async function waitForReimbursement(page: Page): Promise<void> {
  await page.locator('.reimb .card-title').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.reimb [aria-busy="true"], .reimb[aria-busy="true"], .reimb .is-updating, .reimb .skeleton'));
}
