import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CreateUserRequest, LoginResponse, UserSummary } from '@caseload/contracts';
import { createApp } from '../../src/app-factory';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { ImportQueueService } from '../../src/modules/ingest/import-queue.service';
import { createTestDatabase, type TestDatabase } from './test-database';

export const ADMIN = { email: 'admin@example.test', password: 'correct horse battery' };

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  db: TestDatabase;
  config: AppConfig;
  token: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  getJson<T = unknown>(path: string): Promise<T>;
  post(path: string, body: string | object, headers?: Record<string, string>): Promise<Response>;
  /** Uploads a CSV and waits until the import has finished; returns its final status. */
  importCsv(csv: string, fileName?: string): Promise<ImportStatus>;
  /** Any request; `token` defaults to the admin's, null sends none. A JSON body for an object. */
  request(method: string, path: string, options?: RequestOptions): Promise<Response>;
  /** Signs in and returns the access token; throws unless the server answers 200. */
  login(email: string, password: string): Promise<string>;
  /** Creates a user through the API as the admin and signs them in. */
  createUser(input: CreateUserRequest): Promise<{ user: UserSummary; token: string }>;
  close(): Promise<void>;
}

export interface RequestOptions {
  token?: string | null;
  body?: string | object;
  headers?: Record<string, string>;
}

export interface ImportStatus {
  id: number;
  status: string;
  rowsTotal: number;
  rowsLoaded: number;
  rowsRejected: number;
  departmentsCreated: string[];
  unknownColumns: string[];
  error: string | null;
  progress: number;
}

/** The real server on a real port and a fresh real database, with an admin signed in. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'caseload-test-data-'));
  const config = loadConfig({
    CASELOAD_DATA_DIR: dataDir,
    CASELOAD_ADMIN_EMAIL: ADMIN.email,
    CASELOAD_ADMIN_PASSWORD: ADMIN.password,
    CASELOAD_SECRET: 'test-secret-test-secret-test-secret-0123',
    CASELOAD_TIMEZONE: 'America/New_York',
    PORT: '0',
    ...env,
  });
  const app = await createApp(config, db.url, { logLevels: ['error', 'fatal'] });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;

  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const auth = { Authorization: `Bearer ${accessToken}` };

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${baseUrl}${path}`, { headers: { ...auth, ...headers } });
  const post = (path: string, body: string | object, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': typeof body === 'string' ? 'text/csv' : 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const request = (method: string, path: string, options: RequestOptions = {}) => {
    const token = options.token === undefined ? accessToken : options.token;
    const headers: Record<string, string> = { ...(token === null ? {} : { Authorization: `Bearer ${token}` }) };
    if (options.body !== undefined) headers['Content-Type'] = typeof options.body === 'string' ? 'text/csv' : 'application/json';
    return fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...headers, ...options.headers },
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    });
  };
  const signIn = async (email: string, password: string) => {
    const response = await request('POST', '/api/v1/auth/login', { token: null, body: { email, password } });
    if (response.status !== 200) throw new Error(`sign-in as ${email} answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as LoginResponse).accessToken;
  };
  const getJson = async <T>(path: string) => {
    const response = await get(path);
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };

  return {
    app,
    baseUrl,
    db,
    config,
    token: accessToken,
    get,
    post,
    getJson,
    async importCsv(csv: string, fileName = 'lines.csv') {
      const response = await post('/api/v1/imports', csv, { 'X-File-Name': fileName });
      const body = (await response.json()) as { id?: number; message?: string };
      if (response.status !== 202 || body.id === undefined) throw new Error(`import refused (${response.status}): ${body.message}`);
      await app.get(ImportQueueService).idle();
      return getJson<ImportStatus>(`/api/v1/imports/${body.id}`);
    },
    request,
    login: signIn,
    async createUser(input: CreateUserRequest) {
      const response = await request('POST', '/api/v1/users', { body: input });
      if (response.status !== 201) throw new Error(`creating ${input.email} answered ${response.status}: ${await response.text()}`);
      const user = (await response.json()) as UserSummary;
      return { user, token: await signIn(input.email, input.password) };
    },
    async close() {
      await app.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
