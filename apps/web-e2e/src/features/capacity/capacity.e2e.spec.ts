import type { CapacityNeedsResponse } from '@caseload/contracts';
import { demoCapacityModel } from '@caseload/synth';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startBuiltServer, ADMIN, type BuiltServer } from '../../support/built-server';
import { openBrowser, type Browser } from '../../support/browser';
import { seedDemo } from '../../support/demo-data';
import { seriousViolations, signIn } from '../../support/pages';

// Set here as well as in the project's config: a run from the root config applies only its own timeout.
// The first needs and forecasts of the demo are worked out on demand (tens of seconds on a busy machine).
jest.setTimeout(300_000);

const DEMO_LINES = 100_000;
/** The first needs and forecasts are worked out on demand: on a busy machine, well past Playwright's 30 s. */
const SLOW = { timeout: 120_000 };

/** The demo's resource model, sized to the demo lines, loaded as an administrator would (the import API loads lines only). */
async function loadDemoCapacityModel(server: BuiltServer): Promise<void> {
  const endDate = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  const model = demoCapacityModel({ lines: DEMO_LINES, endDate });
  const lists = [
    ['resource-types', model.resourceTypes],
    ['inventories', model.inventories],
    ['holidays', model.holidays],
    ['profiles', model.profiles],
  ] as const;
  for (const [list, rows] of lists) {
    const response = await fetch(`${server.url}/api/v1/capacity/${list}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${await server.token()}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ rows }),
    });
    if (response.status !== 200) throw new Error(`PUT ${list}: HTTP ${response.status} ${await response.text()}`);
  }
}

describe('the Capacity page in Chromium', () => {
  let server: BuiltServer;
  let browser: Browser;
  /** Needs URLs the page asked for, newest last. */
  const asked: string[] = [];

  beforeAll(async () => {
    server = await startBuiltServer();
    await seedDemo(server, DEMO_LINES);
    await loadDemoCapacityModel(server);
    browser = await openBrowser({ width: 1280, height: 900 });
    browser.page.on('request', (request) => {
      if (request.url().includes('/api/v1/capacity/needs?')) asked.push(request.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function askApi<T>(url: string): Promise<T> {
    const response = await fetch(url.replace(/^https?:\/\/[^/]+/, server.url), { headers: { Authorization: `Bearer ${await server.token()}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  /** Month lines whose gap the table marks as a shortfall (more than 0.05 of a unit short). */
  const shortMonths = (answer: CapacityNeedsResponse) => answer.rows.flatMap((row) => row.months).filter((month) => (month.gap.expected ?? 0) > 0.05).length;

  it('answers which resource runs above target next quarter, and by how much', async () => {
    const { page } = browser;
    await signIn(page, server.url, ADMIN);
    await page.getByRole('navigation').getByRole('link', { name: 'Capacity' }).first().click();
    await page.waitForURL(`${server.url}/capacity`);
    await waitForCapacity(page);

    const api = await askApi<CapacityNeedsResponse>(asked.at(-1)!);
    expect(asked.at(-1)).toMatch(/\/api\/v1\/capacity\/needs\?horizon=3$/);
    const answer = page.getByTestId('capacity-answer');
    const text = await answer.innerText();
    const top = api.rows.filter((row) => row.aboveTarget).sort((a, b) => b.horizon.utilization.expected! - a.horizon.utilization.expected!)[0];
    if (top) {
      const rate = `${Math.round(top.horizon.utilization.expected! * 100)}%`;
      expect(text).toMatch(new RegExp(`^Above target .+ in ${top.department} runs at ${rate} next quarter \\(.+\\) against an 80% target: .+ closes? the gap\\.$`));
    } else {
      expect(text).toMatch(/^Within target No resource runs above the 80% target next quarter/);
    }

    const needs = page.getByRole('region', { name: 'Needs by month' });
    // The 15 busiest resources first, three months each.
    expect(await needs.locator('tbody tr').count()).toBe(Math.min(api.rows.length, 15) * 3);
    expect(await shortfalls(page)).toBe(shortMonths(api));
    if (shortMonths(api) > 0) expect(await needs.locator('tbody tr.capacity-short').first().locator('td').last().innerText()).toMatch(/^▲ [\d.]+ short$/);

    const bottlenecks = page.getByRole('region', { name: 'Bottlenecks' });
    expect(await bottlenecks.locator('tbody tr').count()).toBe(5);
    expect(await page.getByRole('region', { name: 'Idle capacity' }).locator('tbody tr').count()).toBe(5);

    const forecast = page.getByRole('region', { name: 'Volume forecast' });
    await forecast.getByRole('img', { name: /^Line chart of the units of .+ by month/ }).waitFor(SLOW);
    expect(await forecast.locator('.recharts-line-curve').count()).toBe(2);
    expect(await forecast.locator('.recharts-area-area').count()).toBe(1);
    expect(await forecast.getByTestId('capacity-backtest').innerText()).toMatch(/MAPE \d+\.\d%|history|backtest/i);

    const heat = page.getByRole('region', { name: 'Utilization by week' });
    expect(await heat.locator('table tbody tr').count()).toBeGreaterThanOrEqual(5);
    // The last 13 weeks of the filter bar's 12 months, after the corner cell.
    expect(await heat.locator('table thead th').count()).toBe(14);

    await topOfPage(page);
    await browser.screenshot('capacity-1280');
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('moves the gap when the what-if changes, keeping the old figures until the new arrive', async () => {
    const { page } = browser;
    const before = await shortfalls(page);
    const whatIf = page.getByRole('region', { name: 'What-if' });

    const answered = page.waitForResponse((response) => response.url().includes('/capacity/needs?') && response.url().includes('growth=40') && response.status() === 200, SLOW);
    await whatIf.getByLabel('Volume growth (%)').fill('40');
    const url = (await answered).url();
    await waitForCapacity(page);
    const api = await askApi<CapacityNeedsResponse>(url);
    expect(api.meta.whatIf.volumeGrowthPercent).toBe(40);
    const after = await shortfalls(page);
    expect(after).toBe(shortMonths(api));
    expect(after).toBeGreaterThan(before);
    expect(await page.getByRole('region', { name: 'Where capacity runs short' }).innerText()).toContain('With the what-if: 40% more volume.');

    // Adding the units the answer asks for takes that resource back within the target.
    const top = api.rows.filter((row) => row.aboveTarget).sort((a, b) => b.horizon.utilization.expected! - a.horizon.utilization.expected!)[0]!;
    const resource = whatIf.getByLabel('Resource');
    await resource.selectOption(`${top.department}/${top.resourceType}`);
    const fixed = page.waitForResponse((response) => response.url().includes(`add=${top.department}/${top.resourceType}:${top.additionalUnitsNeeded}`) && response.status() === 200, SLOW);
    await whatIf.getByLabel(/^Change \(has/).fill(String(top.additionalUnitsNeeded));
    const fixedApi = await askApi<CapacityNeedsResponse>((await fixed).url());
    await waitForCapacity(page);
    const row = fixedApi.rows.find((item) => item.department === top.department && item.resourceType === top.resourceType)!;
    expect(row.aboveTarget).toBe(false);
    expect(await whatIf.getByRole('list', { name: 'Unit and FTE changes' }).innerText()).toContain(`in ${top.department}: +`);

    // Back to the plan: the plan's answer is still at hand, so the figures return at once.
    await whatIf.getByRole('button', { name: 'Back to the plan' }).click();
    await page.locator('.capacity-check', { hasText: `Only shortfalls (${before})` }).waitFor();
    await waitForCapacity(page);
    expect(await page.getByRole('region', { name: 'Where capacity runs short' }).innerText()).not.toContain('With the what-if');
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('looks further ahead when asked, and fits a tablet', async () => {
    const { page } = browser;
    const answered = page.waitForResponse((response) => response.url().includes('/capacity/needs?horizon=6') && response.status() === 200, SLOW);
    await page.getByLabel('Look ahead').selectOption('6');
    await page.waitForURL(/horizon=6/);
    const api = await askApi<CapacityNeedsResponse>((await answered).url());
    await waitForCapacity(page);
    const needs = page.getByRole('region', { name: 'Needs by month' });
    expect(await needs.locator('tbody tr').count()).toBe(Math.min(api.rows.length, 15) * 6);
    await needs.getByRole('button', { name: `Show all ${api.rows.length} resources` }).click();
    expect(await needs.locator('tbody tr').count()).toBe(api.rows.length * 6);
    await needs.getByRole('button', { name: 'Show the 15 busiest resources' }).click();
    expect(await page.getByTestId('capacity-answer').innerText()).toMatch(/over the next 6 months|next 6 months/);
    await page.getByLabel('Look ahead').selectOption('3');
    await page.waitForURL(/horizon=3/);
    await waitForCapacity(page);
    // The forecast of the quarter was answered before: nothing is left for the server to work out.
    await page.getByRole('region', { name: 'Volume forecast' }).getByRole('img', { name: /^Line chart/ }).waitFor();

    await page.setViewportSize({ width: 768, height: 1024 });
    await waitForCapacity(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await topOfPage(page);
    await browser.screenshot('capacity-768');
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('downloads a list of the resource model as CSV and loads it back', async () => {
    const { page } = browser;
    const model = page.getByRole('region', { name: 'Resource model' });
    const downloaded = page.waitForEvent('download');
    await model.getByRole('button', { name: 'Download CSV of the resource types' }).click();
    const file = await (await downloaded).path();
    const text = readFileSync(file, 'utf8');
    expect(text.split('\r\n')[0]).toBe('key,name,kind');
    expect(text).toContain('mri_scanner,MRI scanner,equipment');

    const replaced = page.waitForResponse((response) => response.url().endsWith('/api/v1/capacity/resource-types/import'), SLOW);
    await model.getByLabel('Replace from CSV the resource types').setInputFiles(file);
    expect((await replaced).status()).toBe(200);
    await model.getByText(/^Resource types replaced from .+: 18 rows\.$/).waitFor();
    await waitForCapacity(page);
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});

/** Month lines short of units or FTEs, as the needs card counts them. */
async function shortfalls(page: Page): Promise<number> {
  const label = await page.getByRole('region', { name: 'Needs by month' }).locator('.capacity-check').innerText();
  return Number(/\((\d+)\)/.exec(label)?.[1]);
}

/** Full-page screenshots of a scrolled page draw the sticky header mid-page: start from the top. */
async function topOfPage(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Nothing loading or updating: no skeleton, no dimmed figures. */
async function waitForCapacity(page: Page): Promise<void> {
  await page.getByTestId('capacity-answer').waitFor(SLOW);
  await page.waitForFunction(() => !document.querySelector('.capacity [aria-busy="true"], .capacity[aria-busy="true"], .capacity .is-updating, .capacity .skeleton'), undefined, SLOW);
}
