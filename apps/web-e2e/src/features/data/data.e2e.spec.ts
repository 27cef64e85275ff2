import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startBuiltServer, ADMIN, type BuiltServer } from '../../support/built-server';
import { openBrowser, type Browser } from '../../support/browser';
import { createUser, seriousViolations, signIn } from '../../support/pages';

// Set here as well as in the project's config: a run from the root config applies only its own timeout.
jest.setTimeout(120_000);

const VIEWER = { email: 'data.viewer@example.test', password: 'viewer passphrase 1' };
const FILE_NAME = 'e2e-extract.csv';
const GOOD_LINES = 2000;
const BAD_ROW = 4; // the header is row 1: the third line of data

/**
 * A synthetic extract: GOOD_LINES valid lines in two departments, and one line whose
 * service date is not a date, placed at row 4. Large enough (~100 kB) for a throttled
 * upload to show its progress.
 */
function extract(): string {
  const lines = ['encounter_id,patient_id,service_date,department,code,units,charge_amount'];
  for (let i = 1; i <= GOOD_LINES + 1; i++) {
    const row = i + 1;
    const day = String((i % 28) + 1).padStart(2, '0');
    const date = row === BAD_ROW ? '5 Jan 2024' : `2024-05-${day}`;
    lines.push(`E2E-${i},SYN-PT-${i},${date},${i % 2 === 0 ? 'CARD' : 'RAD'},99213,1,100.00`);
  }
  return `${lines.join('\n')}\n`;
}

describe('the Data page in Chromium', () => {
  let server: BuiltServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startBuiltServer();
    await createUser(server, VIEWER, 'viewer');
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('uploads a CSV with progress, and ends with the loaded and rejected counts', async () => {
    const { page } = browser;
    await signIn(page, server.url, ADMIN);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
    await page.waitForURL(`${server.url}/data`);
    await page.getByRole('heading', { name: 'No imports yet' }).waitFor();
    await browser.screenshot('data-empty');
    expect(await seriousViolations(page)).toEqual([]);

    // A file that is not a CSV is refused in the page, before anything is sent.
    await chooseFile(page, { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.getByRole('alert').filter({ hasText: 'notes.txt is not a CSV file' }).waitFor();

    await chooseFile(page, { name: FILE_NAME, mimeType: 'text/csv', buffer: Buffer.from(extract()) });
    const card = page.getByRole('region', { name: 'Import a CSV file' });
    await card.getByText(FILE_NAME).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);

    // Every value the progress bar takes, as the page shows it.
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { progressSeen: seen });
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"]');
        if (!bar) return;
        const entry = `${document.getElementById(bar.getAttribute('aria-labelledby') ?? '')?.textContent}: ${bar.getAttribute('aria-valuenow')}`;
        if (seen.at(-1) !== entry) seen.push(entry);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    });

    // A slow connection, so the upload takes long enough to be seen under way.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 40_000 });
    await card.getByRole('button', { name: 'Import file' }).click();
    const bar = card.getByRole('progressbar', { name: 'Step 1 of 2: Uploading' });
    await bar.waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')) >= 20, undefined, { timeout: 20_000 });
    await page.mouse.move(0, 0);
    await browser.screenshot('data-upload-progress');

    const done = card.getByText('Loaded 2,000 lines, 1 rejected', { exact: true });
    await done.waitFor({ timeout: 60_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    expect(await card.getByRole('status').innerText()).toBe(`${FILE_NAME}: Loaded 2,000 lines, 1 rejected. New departments created: CARD, RAD.`);
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    const uploadValues = seen.filter((entry) => entry.startsWith('Step 1')).map((entry) => Number(entry.split(': ').at(-1)));
    // The upload's bar moved through values below 100 and reached the end.
    expect(uploadValues.some((value) => value > 0 && value < 100)).toBe(true);
    expect(uploadValues.at(-1)).toBe(100);
    expect(uploadValues).toEqual([...uploadValues].sort((a, b) => a - b));
    // Then the server's processing, on its own bar, until the end state replaced it.
    expect(seen.some((entry) => entry.startsWith('Step 2 of 2: Loading rows'))).toBe(true);
    await browser.screenshot('data-upload-done');

    // The list shows the import with its counts, refreshed without a reload.
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: FILE_NAME }) });
    await row.getByText('Completed').waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells.slice(3)).toEqual(['2,001', '2,000', expect.stringMatching(/^1/), 'CARD, RAD']);
    expect(cells[0]).toBe('Completed');
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('opens the import’s rejections with row, column and reason, keeps them over a reload, and downloads them', async () => {
    const { page } = browser;
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: FILE_NAME }) });
    await row.getByRole('link', { name: `1 rejected row of ${FILE_NAME}: view them` }).click();
    await page.waitForURL(/\/data\?import=\d+$/);
    const importId = new URL(page.url()).searchParams.get('import');

    const table = page.getByRole('table', { name: '1 rejected row' });
    await table.waitFor();
    // The details view takes focus, as a new page would.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Rejected rows of ${FILE_NAME}`);
    await page.reload();
    await table.waitFor();
    const rejected = table.getByRole('row').nth(1);
    expect(await rejected.getByRole('rowheader').innerText()).toBe(String(BAD_ROW));
    const [column, reason, raw] = await rejected.getByRole('cell').allInnerTexts();
    expect(column).toBe('service_date');
    expect(reason).toMatch(/service_date must be a date written YYYY-MM-DD or MM\/DD\/YYYY.*"5 Jan 2024"/);
    expect(raw).toContain('E2E-3');
    expect(raw).toContain('5 Jan 2024');
    expect(raw).not.toContain('SYN-PT-3');
    await browser.screenshot('data-rejections');
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download rejections (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`import-${importId}-rejections.csv`);
    const content = readFileSync(await download.path(), 'utf8');
    const lines = content.trim().split(/\r?\n/);
    expect(lines[0]).toBe('row_number,column,reason,raw');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^4,service_date,"?service_date must be a date written YYYY-MM-DD or MM\/DD\/YYYY/);
    expect(lines[1]).toContain('5 Jan 2024');
    expect(lines[1]).not.toContain('SYN-PT-3');
    await page.getByText(`Saved import-${importId}-rejections.csv.`).waitFor({ state: 'attached' });

    // At tablet width the page still fits: the tables scroll inside their cards, not the page.
    await page.setViewportSize({ width: 768, height: 1024 });
    await browser.screenshot('data-rejections-768');
    expect(await pageOverflow(page)).toBe(false);
    await page.getByRole('link', { name: '← All imports' }).click();
    await page.waitForURL(`${server.url}/data`);
    await page.getByRole('table', { name: '1 import, newest first' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Imports');
    await browser.screenshot('data-imports-768');
    expect(await pageOverflow(page)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 860 });
    expect(browser.errors).toEqual([]);
  });

  it('tells a viewer why they cannot import, and shows them the list without the rejected rows', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await signIn(page, server.url, VIEWER);
    await page.goto(`${server.url}/data`);
    const card = page.getByRole('region', { name: 'Import a CSV file' });
    await card.getByText('You cannot import files with this account').waitFor();
    expect(await card.getByRole('button').count()).toBe(0);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: FILE_NAME }) });
    await row.waitFor();
    expect(await row.getByRole('link').count()).toBe(0);
    await browser.screenshot('data-viewer');
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});


/** Through the browser's own file picker, as a person would. */
async function chooseFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: /^Choose (a CSV|another) file/ }).click()]);
  await chooser.setFiles(file);
}

/** True when the page scrolls sideways: something is wider than the window. */
async function pageOverflow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

