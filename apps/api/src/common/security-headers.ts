import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Where Swagger UI lives (its page, its assets and the OpenAPI document). */
export const DOCS_PATH = '/api/docs';

// The web app is a Vite build: every script and style sheet is a file on this origin, React and
// Recharts style elements through the CSSOM (which CSP does not restrict), and small images may be
// inlined as data: URLs. No upgrade-insecure-requests: the server is also run over plain HTTP
// (localhost, behind a TLS proxy), where upgrading its own requests would break the app.
const appDirectives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
};

// Swagger UI's page carries inline <style> blocks and data: images; its scripts are files.
const docsDirectives = {
  ...appDirectives,
  'style-src': ["'self'", "'unsafe-inline'"],
};

function headers(directives: Record<string, string[]>): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/** Helmet's headers on every answer: the strict policy everywhere, a looser style policy for the API docs. */
export function securityHeaders(): RequestHandler {
  const app = headers(appDirectives);
  const docs = headers(docsDirectives);
  return (request, response, next) => {
    const path = request.path;
    const isDocs = path === DOCS_PATH || path.startsWith(`${DOCS_PATH}/`) || path.startsWith(`${DOCS_PATH}-`);
    (isDocs ? docs : app)(request, response, next);
  };
}
