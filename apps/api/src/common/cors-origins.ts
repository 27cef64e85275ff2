import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface.js';
import { ConfigError } from '../config/app-config.js';

export const CORS_ORIGINS_VARIABLE = 'CASELOAD_CORS_ORIGINS';

/**
 * The origins allowed to call the API from another site: `CASELOAD_CORS_ORIGINS`, a comma list of
 * exact origins (`https://bi.example.org`). Unset means none: the web app is served on the API's own
 * origin and needs no CORS. Wildcards and paths are refused, so a typo cannot open the API to
 * every site.
 */
export function readCorsOrigins(env: Record<string, string | undefined>): string[] {
  const raw = env[CORS_ORIGINS_VARIABLE]?.trim();
  if (raw === undefined || raw === '') return [];
  const origins = raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  for (const origin of origins) {
    if (!isExactOrigin(origin)) {
      throw new ConfigError(CORS_ORIGINS_VARIABLE, `"${origin.slice(0, 100)}" is not an origin; list origins such as https://reports.example.org, without a path, a trailing slash or a wildcard`);
    }
  }
  return [...new Set(origins)];
}

function isExactOrigin(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
}

/** CORS for the listed origins only; bearer tokens, so no credentials (cookies) are allowed. */
export function corsOptions(origins: readonly string[]): CorsOptions {
  const allowed = new Set(origins);
  return {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'Cache-Control', 'X-File-Name', 'X-Request-Id'],
    exposedHeaders: ['Content-Disposition', 'X-Request-Id'],
    credentials: false,
    maxAge: 600,
  };
}
