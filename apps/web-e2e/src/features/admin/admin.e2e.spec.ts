import { startBuiltServer, ADMIN, type BuiltServer } from '../../support/built-server';
import { openBrowser, type Browser } from '../../support/browser';
import { createUser, seriousViolations, signIn } from '../../support/pages';

// Set here as well as in the project's config: a run from the root config applies only its own timeout.
jest.setTimeout(120_000);

const ANALYST = { email: 'new.analyst@example.test', password: 'analyst passphrase 1' };
const VIEWER = { email: 'viewer@example.test', password: 'viewer passphrase 1' };

describe('the admin pages in Chromium', () => {
  let server: BuiltServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startBuiltServer();
    // The viewer is set up through the API; the analyst is created in the browser below.
    await createUser(server, VIEWER, 'viewer');
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets an admin add an analyst and disable it, after a confirmation', async () => {
    const { page } = browser;
    await signIn(page, server.url, ADMIN);

    const adminNav = page.getByRole('navigation', { name: 'Main' }).getByRole('list', { name: 'Admin' });
    await adminNav.getByRole('link', { name: 'Users' }).click();
    await page.waitForURL(`${server.url}/admin/users`);
    await page.getByRole('table', { name: /users?$/ }).waitFor();

    const form = page.getByRole('form', { name: 'Add user' });
    await form.getByLabel('Email').fill(ANALYST.email);
    await form.getByLabel('Role').selectOption('analyst');
    await form.getByLabel('Departments').fill('CARD, RAD');
    await form.getByLabel('Initial password').fill(ANALYST.password);
    await form.getByRole('button', { name: 'Add user' }).click();

    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: ANALYST.email }) });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(['Analyst', 'CARD, RAD', 'Active', expect.any(String), expect.stringContaining('Reset password')]);

    await row.getByRole('button', { name: `Disable ${ANALYST.email}` }).click();
    const dialog = page.getByRole('alertdialog', { name: `Disable ${ANALYST.email}?` });
    await dialog.waitFor();
    // A destructive question starts on its safe answer.
    expect(await dialog.getByRole('button', { name: 'Cancel' }).evaluate((button) => button === document.activeElement)).toBe(true);
    await browser.screenshot('admin-users-disable-dialog');
    await dialog.getByRole('button', { name: 'Disable user' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Disabled', { exact: true }).waitFor();
    expect(await row.getByRole('button', { name: `Enable ${ANALYST.email}` }).isVisible()).toBe(true);

    // The disabled analyst can no longer sign in.
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ANALYST),
    });
    expect(login.status).toBe(401);

    await page.mouse.move(0, 0);
    await browser.screenshot('admin-users');
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('shows the user.create entry in the audit log, and keeps the filters over a reload', async () => {
    const { page } = browser;
    await page.getByRole('list', { name: 'Admin' }).getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(`${server.url}/admin/audit`);
    await page.getByRole('table').waitFor();
    const created = page.getByRole('row').filter({ hasText: 'user.create' }).filter({ hasText: ANALYST.email });
    await created.first().waitFor();
    expect(await created.count()).toBe(1);
    expect(await created.innerText()).toContain(ADMIN.email);

    await page.getByLabel('Action').selectOption('user.create');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(`${server.url}/admin/audit?action=user.create`);
    await page.reload();
    await page.getByRole('table').waitFor();
    expect(await page.getByLabel('Action').inputValue()).toBe('user.create');
    // Only user.create entries, among them the analyst made in the browser and the viewer made through the API.
    const actions = await page.locator('tbody tr .audit-action-code').allInnerTexts();
    expect(actions.length).toBeGreaterThanOrEqual(2);
    expect(new Set(actions)).toEqual(new Set(['user.create']));
    const details = (await page.locator('tbody tr .audit-details').allInnerTexts()).join('\n');
    expect(details).toContain(`email: ${ANALYST.email}`);
    expect(details).toContain(`email: ${VIEWER.email}`);

    await page.getByLabel('Actor').fill('nobody@example.test');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('heading', { name: 'No audit entries match these filters' }).waitFor();

    await page.goto(`${server.url}/admin/audit`);
    await page.getByRole('table').waitFor();
    await browser.screenshot('admin-audit');
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('shows no Admin section to a viewer, and refuses the admin pages plainly', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await signIn(page, server.url, VIEWER);
    await page.goto(`${server.url}/`);

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Overview' }).waitFor();
    expect(await nav.getByRole('list', { name: 'Admin' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);

    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('heading', { name: 'You do not have access to this page' }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await browser.screenshot('admin-denied');
    expect(await seriousViolations(page)).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});


