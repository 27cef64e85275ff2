import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp, type ServerOptions } from '../../src/app-factory';
import { readCorsOrigins } from '../../src/common/cors-origins';
import { readTrustProxy } from '../../src/common/trust-proxy';
import { ConfigError, loadConfig } from '../../src/config/app-config';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  requestId?: string;
}

const FOREIGN_ORIGIN = 'https://evil.example.net';
const TRUSTED_ORIGIN = 'https://reports.example.org';

/** A bare server (no sign-in) built with the given options, on a fresh database. */
interface BareApp {
  app: NestExpressApplication;
  baseUrl: string;
  db: TestDatabase;
  close(): Promise<void>;
}

async function startBareApp(options: ServerOptions): Promise<BareApp> {
  const db: TestDatabase = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'caseload-hardening-'));
  const config = loadConfig({ CASELOAD_DATA_DIR: dataDir, CASELOAD_SECRET: 'test-secret-test-secret-test-secret-0123', CASELOAD_TIMEZONE: 'America/New_York' });
  const app = await createApp(config, db.url, { logLevels: ['fatal'], ...options });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  return {
    app,
    baseUrl,
    db,
    async close() {
      await app.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function expectHelmetHeaders(response: Response): void {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'self'");
  expect(csp).not.toContain('upgrade-insecure-requests');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(response.headers.get('x-powered-by')).toBeNull();
}

/** A raw GET, for request targets that fetch() would normalise or refuse to send. */
function rawGet(baseUrl: string, target: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method: 'GET', path: target, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('security headers', () => {
    it('sends helmet headers and a strict CSP on API answers, errors included', async () => {
      const ok = await fetch(`${t.baseUrl}/api/v1/health`);
      expect(ok.status).toBe(200);
      expectHelmetHeaders(ok);
      const csp = ok.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');

      const refused = await fetch(`${t.baseUrl}/api/v1/aggregate`);
      expect(refused.status).toBe(401);
      expectHelmetHeaders(refused);
    });

    it('gives every answer a request id, and keeps a well-formed one from a proxy', async () => {
      const fresh = await fetch(`${t.baseUrl}/api/v1/health`);
      expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const kept = await fetch(`${t.baseUrl}/api/v1/health`, { headers: { 'X-Request-Id': 'proxy-1234abcd' } });
      expect(kept.headers.get('x-request-id')).toBe('proxy-1234abcd');
      const replaced = await fetch(`${t.baseUrl}/api/v1/health`, { headers: { 'X-Request-Id': 'bad id with spaces' } });
      expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('serves Swagger UI with a policy that allows its inline styles, and only there', async () => {
      const docs = await fetch(`${t.baseUrl}/api/docs`);
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain('swagger-ui');
      const csp = docs.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(docs.headers.get('x-content-type-options')).toBe('nosniff');

      const init = await fetch(`${t.baseUrl}/api/docs/swagger-ui-init.js`);
      expect(init.status).toBe(200);
      const spec = await fetch(`${t.baseUrl}/api/docs-json`);
      expect(spec.status).toBe(200);
      expect(((await spec.json()) as { openapi: string }).openapi).toMatch(/^3\./);
    });

    describe('on the web app shell', () => {
      let web: BareApp;
      let webRoot: string;
      beforeAll(async () => {
        webRoot = mkdtempSync(join(tmpdir(), 'caseload-webroot-'));
        writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>');
        web = await startBareApp({ webRoot });
      });
      afterAll(async () => {
        await web.close();
        rmSync(webRoot, { recursive: true, force: true });
      });

      it('sends the same headers and the strict policy with the app shell', async () => {
        for (const path of ['/', '/volume', '/data?department=CARD']) {
          const shell = await fetch(`${web.baseUrl}${path}`);
          expect({ path, status: shell.status }).toEqual({ path, status: 200 });
          expect(await shell.text()).toContain('<div id="root">');
          expectHelmetHeaders(shell);
          expect(shell.headers.get('content-security-policy')).not.toContain('unsafe-inline');
        }
      });
    });
  });

  describe('CORS', () => {
    it('is closed by default: no CORS headers for a foreign origin, and preflights get none', async () => {
      const simple = await fetch(`${t.baseUrl}/api/v1/health`, { headers: { Origin: FOREIGN_ORIGIN } });
      expect(simple.status).toBe(200);
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${t.baseUrl}/api/v1/aggregate`, {
        method: 'OPTIONS',
        headers: { Origin: FOREIGN_ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
    });

    describe('with CASELOAD_CORS_ORIGINS set', () => {
      let cors: BareApp;
      beforeAll(async () => {
        cors = await startBareApp({ corsOrigins: readCorsOrigins({ CASELOAD_CORS_ORIGINS: `${TRUSTED_ORIGIN}, http://localhost:5173` }) });
      });
      afterAll(() => cors.close());

      it('allows exactly the configured origins, without credentials', async () => {
        const trusted = await fetch(`${cors.baseUrl}/api/v1/health`, { headers: { Origin: TRUSTED_ORIGIN } });
        expect(trusted.headers.get('access-control-allow-origin')).toBe(TRUSTED_ORIGIN);
        expect(trusted.headers.get('access-control-allow-credentials')).toBeNull();
        expect(trusted.headers.get('vary')).toMatch(/origin/i);

        const foreign = await fetch(`${cors.baseUrl}/api/v1/health`, { headers: { Origin: FOREIGN_ORIGIN } });
        expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
        const lookalike = await fetch(`${cors.baseUrl}/api/v1/health`, { headers: { Origin: `${TRUSTED_ORIGIN}.evil.example.net` } });
        expect(lookalike.headers.get('access-control-allow-origin')).toBeNull();
      });

      it('answers a preflight from a configured origin with the methods and headers the API uses', async () => {
        const preflight = await fetch(`${cors.baseUrl}/api/v1/aggregate`, {
          method: 'OPTIONS',
          headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
        });
        expect(preflight.status).toBe(204);
        expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
        expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
      });
    });

    it('refuses an origin list with a wildcard, a path or a non-URL, naming the variable', () => {
      for (const value of ['*', 'https://reports.example.org/', 'https://reports.example.org/app', 'reports.example.org', 'ftp://x.example.org']) {
        expect(() => readCorsOrigins({ CASELOAD_CORS_ORIGINS: value })).toThrow(ConfigError);
        expect(() => readCorsOrigins({ CASELOAD_CORS_ORIGINS: value })).toThrow(/CASELOAD_CORS_ORIGINS/);
      }
      expect(readCorsOrigins({})).toEqual([]);
      expect(readCorsOrigins({ CASELOAD_CORS_ORIGINS: ' ' })).toEqual([]);
    });
  });

  describe('client addresses behind a proxy', () => {
    const tryLogin = (baseUrl: string) =>
      fetch(`${baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.7' },
        body: JSON.stringify({ email: 'nobody@example.org', password: 'not-the-password' }),
      });
    const lastAddress = async (db: TestDatabase) => (await db.query<{ address: string }>(`SELECT address FROM audit_log WHERE action = 'login.failure' ORDER BY id DESC LIMIT 1`))[0]?.address;

    it('ignores X-Forwarded-For unless CASELOAD_TRUST_PROXY trusts the proxy', async () => {
      expect((await tryLogin(t.baseUrl)).status).toBe(401);
      expect(await lastAddress(t.db)).toMatch(/127\.0\.0\.1/);
      const proxied = await startBareApp({ trustProxy: readTrustProxy({ CASELOAD_TRUST_PROXY: 'loopback' }) });
      try {
        expect((await tryLogin(proxied.baseUrl)).status).toBe(401);
        expect(await lastAddress(proxied.db)).toBe('203.0.113.7');
      } finally {
        await proxied.close();
      }
    });

    it('reads a hop count or a list of proxies, and refuses anything else naming the variable', () => {
      expect(readTrustProxy({})).toBe(false);
      expect(readTrustProxy({ CASELOAD_TRUST_PROXY: '1' })).toBe(1);
      expect(readTrustProxy({ CASELOAD_TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8' })).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8']);
      for (const value of ['everyone', '10.0.0.0/8; DROP', 'true']) expect(() => readTrustProxy({ CASELOAD_TRUST_PROXY: value })).toThrow(/CASELOAD_TRUST_PROXY/);
    });
  });

  describe('request size limits', () => {
    it('answers 413 in the error shape for a JSON body over 100 KB', async () => {
      const response = await fetch(`${t.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'someone@example.test', password: 'x'.repeat(150 * 1024) }),
      });
      expect(response.status).toBe(413);
      const body = (await response.json()) as ErrorBody;
      expect(body).toEqual({ statusCode: 413, code: 'BODY_TOO_LARGE', message: expect.stringMatching(/too large.*100 KB/) });
    });

    it('answers 414 in the error shape for a URL over 8 KB, before signing in is even checked', async () => {
      const response = await fetch(`${t.baseUrl}/api/v1/aggregate?department=${'A'.repeat(9 * 1024)}`);
      expect(response.status).toBe(414);
      const body = (await response.json()) as ErrorBody;
      expect(body).toEqual({ statusCode: 414, code: 'URI_TOO_LONG', message: expect.stringMatching(/URL is longer than 8 KB/) });
      expectHelmetHeaders(response);
    });

    it('still serves the longest filter list a query may carry when it fits under the limit', async () => {
      const departments = Array.from({ length: 500 }, (_, i) => `D${String(i).padStart(13, '0')}`).join(',');
      const path = `/api/v1/aggregate?department=${departments}`;
      expect(path.length).toBeGreaterThan(7 * 1024);
      const response = await t.get(path);
      expect(response.status).toBe(200);
    });

    it('answers 431 in the error shape when the request line and headers pass what Node reads', async () => {
      const response = await rawGet(t.baseUrl, `/api/v1/aggregate?department=${'A'.repeat(20 * 1024)}`);
      expect(response.status).toBe(431);
      expect(JSON.parse(response.body)).toEqual({ statusCode: 431, code: 'HEADERS_TOO_LARGE', message: expect.stringMatching(/too large/) });
    });
  });

  describe('errors', () => {
    it('answers malformed JSON with 400 naming the body, and without echoing it', async () => {
      const response = await fetch(`${t.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"email": "a@example.test", "password": "hunter2-secret',
      });
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ statusCode: 400, code: 'MALFORMED_BODY', message: expect.stringMatching(/request body is not valid JSON/) });
      expect(text).not.toContain('hunter2');
      expect(text).not.toMatch(/\bat \S+ \(/);
    });

    it('answers an unreadable body encoding with 415 in the error shape', async () => {
      const response = await fetch(`${t.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=klingon' },
        body: '{}',
      });
      expect(response.status).toBe(415);
      expect(await response.json()).toEqual({ statusCode: 415, code: 'UNSUPPORTED_CHARSET', message: expect.stringMatching(/UTF-8/) });
    });

    it('answers an unknown route and a badly encoded path in the error shape', async () => {
      const missing = await t.get('/api/v1/no-such-route');
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });

      const badEscape = await rawGet(t.baseUrl, '/api/v1/imports/%E0%A4%A', { Authorization: `Bearer ${t.token}` });
      expect(badEscape.status).toBe(400);
      expect(JSON.parse(badEscape.body)).toEqual({ statusCode: 400, code: 'MALFORMED_PATH', message: expect.stringMatching(/percent-encoding/) });
      expect(badEscape.body).not.toMatch(/\bat \S+ \(/);
    });

    describe('an unexpected failure (a table the route needs is gone)', () => {
      let broken: TestApp;
      let logged: string[];
      let writeSpy: jest.SpyInstance;
      beforeAll(async () => {
        broken = await startTestApp();
        logged = [];
        const capture = (chunk: unknown) => {
          logged.push(String(chunk));
          return true;
        };
        // Nest's logger writes to the streams; libraries log through console (which Jest buffers).
        writeSpy = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
        jest.spyOn(process.stdout, 'write').mockImplementation(capture);
        for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
          jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
        }
      });
      afterAll(async () => {
        jest.restoreAllMocks();
        await broken.close();
      });

      it('answers 500 with a generic message and a request id, no stack and no SQL; the log has the detail', async () => {
        await broken.db.query('DROP TABLE import_rejection');
        await broken.db.query('DROP TABLE import');
        const response = await broken.get('/api/v1/imports', { 'X-Probe': 'probe-value-not-for-logs' });
        expect(response.status).toBe(500);
        const text = await response.text();
        const body = JSON.parse(text) as ErrorBody;
        expect(body).toEqual({ statusCode: 500, code: 'INTERNAL', message: expect.stringMatching(/went wrong on the server/), requestId: expect.any(String) });
        expect(response.headers.get('x-request-id')).toBe(body.requestId);
        expect(text).not.toMatch(/SELECT|FROM|relation|does not exist|import/i);
        expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules/);
        expectHelmetHeaders(response);

        const log = logged.join('');
        expect(writeSpy).toHaveBeenCalled();
        expect(log).toContain(body.requestId!);
        expect(log).toMatch(/relation \\?"import\\?" does not exist/);
        expect(log).toContain('42P01');
        expect(log).not.toContain('probe-value-not-for-logs');
        expect(log).not.toContain(broken.token);
      });

      it('logs a failed request that carried a JSON body without the body', async () => {
        await broken.db.query('DROP TABLE app_user CASCADE');
        logged.length = 0;
        const response = await fetch(`${broken.baseUrl}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: 'body-marker@example.test', password: 'password-marker-123' }),
        });
        expect(response.status).toBe(500);
        const text = await response.text();
        expect(text).not.toMatch(/app_user|password-marker|body-marker/);
        const log = logged.join('');
        expect(log).toContain(((JSON.parse(text) as ErrorBody).requestId)!);
        expect(log).not.toContain('password-marker-123');
        expect(log).not.toContain('body-marker@example.test');
      });
    });
  });
});
