import AxeBuilder from '@axe-core/playwright';
import { startBuiltServer, ADMIN, type BuiltServer } from './support/built-server';
import { openBrowser, type Browser } from './support/browser';
import { createUser, signIn } from './support/pages';

/** Lines in each of the last 14 months (dates relative to today), 3 lines a month. */
function recentCsv(): string {
  const rows = ['encounter_id,patient_id,service_date,department,code,charge_amount,paid_amount,claim_status'];
  const today = new Date();
  for (let back = 1; back <= 14; back++) {
    const month = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 10));
    const date = month.toISOString().slice(0, 10);
    rows.push(`E${back}A,P${back % 5},${date},CARD,99213,120.00,80.00,paid`);
    rows.push(`E${back}A,P${back % 5},${date},CARD,93000,40.00,0,denied`);
    rows.push(`E${back}B,P${(back + 1) % 5},${date},RAD,70450,300.00,210.00,paid`);
  }
  return `${rows.join('\n')}\n`;
}

describe('the web app in Chromium', () => {
  let server: BuiltServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startBuiltServer();
    const token = await server.token();
    const upload = await fetch(`${server.url}/api/v1/imports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
      body: recentCsv(),
    });
    const { id } = (await upload.json()) as { id: number };
    for (let i = 0; i < 100; i++) {
      const status = (await (await fetch(`${server.url}/api/v1/imports/${id}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { status: string };
      if (status.status === 'completed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends a visitor to the sign-in page, and a wrong password gets a clear message', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: /sign in/i }).click();
    await expectVisible(page.getByRole('alert'));
    await browser.screenshot('login');
    // The refused sign-in is logged by the browser as a failed request; that one is expected.
    browser.errors.length = 0;
  });

  it('signs in and shows the Overview with a number on every tile', async () => {
    const { page } = browser;
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(`${server.url}/`);
    const tiles = page.locator('.kpi-tile');
    await tiles.first().waitFor();
    expect(await tiles.count()).toBe(6);
    // 12 whole months × 3 lines = 36 lines in the default range.
    await expectVisible(page.locator('.kpi-value', { hasText: /^36$/ }));
    await browser.screenshot('overview');
  });

  it('shows every other page without errors', async () => {
    const { page } = browser;
    for (const [name, path] of [['volume', '/volume'], ['reimbursement', '/reimbursement'], ['capacity', '/capacity'], ['reports', '/reports'], ['data', '/data']]) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await browser.screenshot(name!);
    }
    expect(browser.errors).toEqual([]);
  });

  it('has no serious or critical accessibility violations on the Overview', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/`);
    await page.locator('.kpi-tile').first().waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
    expect(serious).toEqual([]);
  });

  it('after a sign-out, sends the next person to sign in to the Overview rather than the page left open', async () => {
    const { page } = browser;
    const viewer = { email: 'viewer@example.test', password: 'a viewer passphrase' };
    await createUser(server, viewer, 'viewer');
    if (page.url().includes('/login')) await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/admin/audit?actor=admin`);
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    // At 768 px the navigation is a row under the header; the admin group stays inside the window.
    await page.setViewportSize({ width: 768, height: 1024 });
    const auditLink = await page.getByRole('link', { name: 'Audit log' }).boundingBox();
    expect(auditLink!.x + auditLink!.width).toBeLessThanOrEqual(768);
    await browser.screenshot('admin-audit-768');
    await page.setViewportSize({ width: 1280, height: 860 });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.url}/login`);
    await signIn(page, server.url, viewer);

    expect(page.url()).toBe(`${server.url}/`);
    await page.locator('.kpi-tile').first().waitFor();
    // A viewer sees no admin navigation.
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    expect(browser.errors).toEqual([]);
  });
});

async function expectVisible(locator: { waitFor(options: { state: 'visible' }): Promise<void>; isVisible(): Promise<boolean> }): Promise<void> {
  await locator.waitFor({ state: 'visible' });
  expect(await locator.isVisible()).toBe(true);
}
