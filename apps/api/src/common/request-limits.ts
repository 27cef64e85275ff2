import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppException } from './app.exception.js';

/** The JSON body limit; uploads (text/csv, multipart) are streamed by their route and not parsed here. */
export const JSON_BODY_LIMIT = '100kb';

/**
 * The longest request target (path and query string) the API reads. Every query the dashboard
 * builds fits in a fraction of it; common proxies stop at the same size.
 */
export const MAX_URL_BYTES = 8 * 1024;

/** Refuses an over-long URL before any routing or parsing: 414, naming the limit. */
export function limitUrlLength(request: Request, _response: Response, next: NextFunction): void {
  if (Buffer.byteLength(request.originalUrl ?? request.url, 'utf8') > MAX_URL_BYTES) {
    next(
      new AppException(
        'URI_TOO_LONG',
        `The request URL is longer than ${MAX_URL_BYTES / 1024} KB; shorten the query string (fewer or shorter filter values).`,
        HttpStatus.URI_TOO_LONG,
      ),
    );
    return;
  }
  next();
}

function errorBody(statusCode: number, code: string, message: string): string {
  return JSON.stringify({ statusCode, code, message });
}

/**
 * Requests that Node's HTTP parser refuses (headers over its 16 KB limit, bad framing) never reach
 * Express; answer them in the API's error shape instead of Node's bare status line.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const [status, reason, body] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', errorBody(431, 'HEADERS_TOO_LARGE', 'The request URL and headers are too large; shorten the query string.')]
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', errorBody(408, 'REQUEST_TIMEOUT', 'The request took too long to arrive.')]
          : [400, 'Bad Request', errorBody(400, 'BAD_REQUEST', 'The request is not valid HTTP.')];
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
