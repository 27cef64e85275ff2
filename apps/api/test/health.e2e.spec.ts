import { startTestApp, type TestApp } from './support/test-app';

describe('health and sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers health without a token', async () => {
    const response = await fetch(`${t.baseUrl}/api/v1/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('refuses the aggregate route without a token', async () => {
    const response = await fetch(`${t.baseUrl}/api/v1/aggregate`);
    expect(response.status).toBe(401);
    expect((await response.json()).message).toMatch(/Bearer/);
  });

  it('signs the configured admin in and refuses a wrong password', async () => {
    expect(t.token).toMatch(/^ey/);
    const wrong = await fetch(`${t.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.test', password: 'nope-nope' }),
    });
    expect(wrong.status).toBe(401);
  });
});
