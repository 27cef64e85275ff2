import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import type { Role } from '@caseload/contracts';
import type { BuiltServer } from './built-server';

export interface Credentials {
  email: string;
  password: string;
}

/** Signs in through the login form and waits to leave it (for the page asked for, else the Overview). */
export async function signIn(page: Page, url: string, user: Credentials): Promise<void> {
  if (!page.url().includes('/login')) await page.goto(`${url}/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL((address) => address.origin === url && !address.pathname.startsWith('/login'));
}

/** Creates a user through the admin API, as the server's admin. */
export async function createUser(server: BuiltServer, user: Credentials, role: Role, departments: string[] = []): Promise<void> {
  const response = await fetch(`${server.url}/api/v1/users`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await server.token()}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...user, role, departments }),
  });
  if (response.status !== 201) throw new Error(`could not create the ${role}: HTTP ${response.status} ${await response.text()}`);
}

/** The axe-core violations of serious or critical impact on the page, as `id: help (where)`. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
