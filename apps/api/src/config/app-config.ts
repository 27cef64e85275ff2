import type { Role } from '@caseload/contracts';
import { isValidTimeZone } from '@caseload/domain';

/** Everything the server reads from its environment, checked once at boot. */
export interface AppConfig {
  databaseUrl: string | null;
  port: number;
  host: string;
  dataDir: string;
  /** The largest upload (CSV body or multipart file) the server spools, in bytes. */
  maxUploadBytes: number;
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
  /** Sign-in through the hospital's OpenID Connect provider; null when not configured. */
  oidc: OidcConfig | null;
  /** Waits before each retry of a failed report run (its number of retries is their count). */
  reportRetryDelaysMs: number[];
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Null for a public client, which proves itself with PKCE alone. */
  clientSecret: string | null;
  /** The callback as the browser reaches it (through any proxy); the web app is on the same origin. */
  redirectUri: string;
  /** The button's text after "Sign in with". */
  label: string;
  roleClaim: string;
  /** Claim value (a group name) to role; null when the claim holds the role name itself. */
  roleMap: ReadonlyMap<string, Role> | null;
  departmentsClaim: string;
  /** Tests only: an issuer on plain http. */
  allowHttp: boolean;
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
    maxUploadBytes: integer(env, 'CASELOAD_MAX_UPLOAD_BYTES', 4 * 1024 ** 3, 1, Number.MAX_SAFE_INTEGER),
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
    oidc: readOidc(env),
    reportRetryDelaysMs: retryDelays(env),
  };
}

/** CASELOAD_REPORT_RETRY_DELAYS: milliseconds before each retry, e.g. `30000,120000` (the default: two retries). */
function retryDelays(env: Env): number[] {
  const raw = read(env, 'CASELOAD_REPORT_RETRY_DELAYS');
  if (raw === undefined) return [30_000, 120_000];
  const delays = raw === 'none' ? [] : raw.split(',').map((item) => item.trim());
  if (delays.length > 10 || delays.some((item) => !/^\d{1,8}$/.test(item))) {
    throw new ConfigError('CASELOAD_REPORT_RETRY_DELAYS', `must be up to 10 waits in milliseconds separated by commas, or none (got "${raw}")`);
  }
  return delays.map(Number);
}

const ROLES: readonly Role[] = ['admin', 'analyst', 'viewer'];
const CLAIM_NAME = /^[A-Za-z0-9_:./-]{1,100}$/;

function absoluteUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be an absolute URL (got "${raw}")`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(name, `must be an http(s) URL (got "${raw}")`);
  if (url.search !== '' || url.hash !== '') throw new ConfigError(name, `must have no query or fragment (got "${raw}")`);
  return url;
}

function claimName(env: Env, name: string, fallback: string): string {
  const value = read(env, name) ?? fallback;
  if (!CLAIM_NAME.test(value)) throw new ConfigError(name, `must be a claim name of letters, digits and _ : . / - (got "${value}")`);
  return value;
}

/** `group=role,group=role`: which claim values give which role. */
function roleMap(raw: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const entry of raw.split(',')) {
    const at = entry.lastIndexOf('=');
    const value = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim() as Role;
    if (at < 0 || value === '' || !ROLES.includes(role)) {
      throw new ConfigError('CASELOAD_OIDC_ROLE_MAP', `each entry must be claim-value=role with a role of ${ROLES.join(', ')}, e.g. caseload-admins=admin (got "${entry.trim()}")`);
    }
    if (map.has(value) && map.get(value) !== role) throw new ConfigError('CASELOAD_OIDC_ROLE_MAP', `maps "${value}" to two roles`);
    map.set(value, role);
  }
  return map;
}

/** Single sign-on is on once the issuer, the client id and the redirect URI are all set; a part of them is a mistake. */
function readOidc(env: Env): OidcConfig | null {
  const required = ['CASELOAD_OIDC_ISSUER', 'CASELOAD_OIDC_CLIENT_ID', 'CASELOAD_OIDC_REDIRECT_URI'] as const;
  const [issuerRaw, clientId, redirectRaw] = required.map((name) => read(env, name));
  if (issuerRaw === undefined && clientId === undefined && redirectRaw === undefined) return null;
  const missing = required.find((name) => read(env, name) === undefined);
  if (missing !== undefined) throw new ConfigError(missing, `is required for single sign-on, with ${required.filter((name) => name !== missing).join(' and ')}`);

  const allowHttp = read(env, 'CASELOAD_OIDC_ALLOW_HTTP');
  if (allowHttp !== undefined && allowHttp !== '0' && allowHttp !== '1') {
    throw new ConfigError('CASELOAD_OIDC_ALLOW_HTTP', `must be 0 or 1 (got "${allowHttp}")`);
  }
  const issuer = absoluteUrl('CASELOAD_OIDC_ISSUER', issuerRaw!);
  if (issuer.protocol !== 'https:' && allowHttp !== '1') {
    throw new ConfigError('CASELOAD_OIDC_ISSUER', `must be an https URL: the provider's keys and tokens travel over it (got "${issuerRaw}")`);
  }
  const redirectUri = absoluteUrl('CASELOAD_OIDC_REDIRECT_URI', redirectRaw!);
  if (!redirectUri.pathname.endsWith('/api/v1/auth/oidc/callback')) {
    throw new ConfigError('CASELOAD_OIDC_REDIRECT_URI', `must be this server's callback, ending in /api/v1/auth/oidc/callback (got "${redirectRaw}")`);
  }
  if (clientId!.length > 255) throw new ConfigError('CASELOAD_OIDC_CLIENT_ID', 'must be at most 255 characters long');
  const map = read(env, 'CASELOAD_OIDC_ROLE_MAP');
  const label = read(env, 'CASELOAD_OIDC_LABEL') ?? issuer.hostname;
  if (label.length > 60) throw new ConfigError('CASELOAD_OIDC_LABEL', 'must be at most 60 characters long');
  return {
    // Kept as written: the provider's metadata must name exactly this issuer.
    issuer: issuerRaw!,
    clientId: clientId!,
    clientSecret: read(env, 'CASELOAD_OIDC_CLIENT_SECRET') ?? null,
    redirectUri: redirectUri.href,
    label,
    roleClaim: claimName(env, 'CASELOAD_OIDC_ROLE_CLAIM', 'caseload_role'),
    roleMap: map === undefined ? null : roleMap(map),
    departmentsClaim: claimName(env, 'CASELOAD_OIDC_DEPARTMENTS_CLAIM', 'caseload_departments'),
    allowHttp: allowHttp === '1',
  };
}
