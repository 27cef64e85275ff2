import { isValidTimeZone } from '@caseload/domain';

/** Everything the server reads from its environment, checked once at boot. */
export interface AppConfig {
  databaseUrl: string | null;
  port: number;
  host: string;
  dataDir: string;
  adminEmail: string | null;
  adminPassword: string | null;
  secret: string | null;
  fiscalYearStartMonth: number;
  timeZone: string;
  locality: string | null;
  demo: boolean;
  tokenTtlSeconds: number;
  /** Failed sign-ins allowed per account (email) within the window before it is refused. */
  loginFailuresPerAccount: number;
  /** Failed sign-ins allowed per client address within the window, across accounts. */
  loginFailuresPerAddress: number;
  loginFailureWindowSeconds: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const databaseUrl = read(env, 'DATABASE_URL') ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must be a postgres:// or postgresql:// connection URL');
  }
  const timeZone = read(env, 'CASELOAD_TIMEZONE') ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  if (!isValidTimeZone(timeZone)) {
    throw new ConfigError('CASELOAD_TIMEZONE', `must be an IANA time zone such as America/New_York (got "${timeZone}")`);
  }
  const locality = read(env, 'CASELOAD_LOCALITY') ?? null;
  if (locality !== null && !/^\d{5}-\d{2}$/.test(locality)) {
    throw new ConfigError('CASELOAD_LOCALITY', `must be a MAC and locality number such as 01112-05 (got "${locality}")`);
  }
  const adminEmail = read(env, 'CASELOAD_ADMIN_EMAIL') ?? null;
  if (adminEmail !== null && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) {
    throw new ConfigError('CASELOAD_ADMIN_EMAIL', `must be an email address (got "${adminEmail}")`);
  }
  const adminPassword = env['CASELOAD_ADMIN_PASSWORD'] ?? null;
  if (adminPassword !== null && adminPassword.length < 8) {
    throw new ConfigError('CASELOAD_ADMIN_PASSWORD', 'must be at least 8 characters long');
  }
  const secret = read(env, 'CASELOAD_SECRET') ?? null;
  if (secret !== null && secret.length < 32) {
    throw new ConfigError('CASELOAD_SECRET', 'must be at least 32 characters long');
  }
  const demo = read(env, 'CASELOAD_DEMO');
  if (demo !== undefined && demo !== '0' && demo !== '1') {
    throw new ConfigError('CASELOAD_DEMO', `must be 0 or 1 (got "${demo}")`);
  }
  return {
    databaseUrl,
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: read(env, 'HOST') ?? '127.0.0.1',
    dataDir: read(env, 'CASELOAD_DATA_DIR') ?? '.caseload',
    adminEmail,
    adminPassword,
    secret,
    fiscalYearStartMonth: integer(env, 'CASELOAD_FISCAL_YEAR_START', 7, 1, 12),
    timeZone,
    locality,
    demo: demo === '1',
    tokenTtlSeconds: integer(env, 'CASELOAD_TOKEN_TTL', 8 * 3600, 60, 30 * 24 * 3600),
    loginFailuresPerAccount: integer(env, 'CASELOAD_LOGIN_ACCOUNT_FAILURES', 5, 1, 1000),
    loginFailuresPerAddress: integer(env, 'CASELOAD_LOGIN_ADDRESS_FAILURES', 20, 1, 100_000),
    loginFailureWindowSeconds: integer(env, 'CASELOAD_LOGIN_WINDOW', 15 * 60, 1, 24 * 3600),
  };
}
