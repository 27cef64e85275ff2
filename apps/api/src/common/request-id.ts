import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const REQUEST_ID_HEADER = 'X-Request-Id';

// A proxy's id is kept so its logs and ours line up; anything else is replaced, so an id can
// never carry text of the caller's choosing into a log line.
const SAFE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** Gives every request an id, echoed in `X-Request-Id` and in server errors, and kept in the logs. */
export function requestId(request: Request, response: Response, next: NextFunction): void {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
  response.locals['requestId'] = id;
  response.setHeader(REQUEST_ID_HEADER, id);
  next();
}

/** The id the middleware gave this request (or a new one for answers that bypassed it). */
export function requestIdOf(response: Response): string {
  const id: unknown = response.locals?.['requestId'];
  return typeof id === 'string' ? id : randomUUID();
}
