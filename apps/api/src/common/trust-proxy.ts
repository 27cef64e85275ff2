import { ConfigError } from '../config/app-config.js';

export const TRUST_PROXY_VARIABLE = 'CASELOAD_TRUST_PROXY';
const TRUSTED_ENTRY = /^(loopback|linklocal|uniquelocal|(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?|[0-9a-fA-F:]*:[0-9a-fA-F:.]*(\/\d{1,3})?)$/;

/**
 * Which proxies in front of the server to believe about the client's address
 * (`X-Forwarded-For`): `CASELOAD_TRUST_PROXY`, a hop count (`1`) or a comma list of addresses,
 * subnets or the names `loopback`, `linklocal`, `uniquelocal`. Unset trusts none, so a client
 * cannot choose its own address; behind a reverse proxy it must be set, or every client
 * shares the proxy's address and its sign-in limit.
 */
export function readTrustProxy(env: Record<string, string | undefined>): number | string[] | false {
  const raw = env[TRUST_PROXY_VARIABLE]?.trim();
  if (raw === undefined || raw === '') return false;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const entries = raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const bad = entries.find((entry) => !TRUSTED_ENTRY.test(entry));
  if (bad !== undefined || entries.length === 0) {
    throw new ConfigError(TRUST_PROXY_VARIABLE, `must be a hop count or a comma list of addresses, subnets, loopback, linklocal or uniquelocal (got "${raw.slice(0, 100)}")`);
  }
  return entries;
}
