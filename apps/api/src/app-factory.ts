import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { resolveSecret } from './config/secret-store.js';
import { corsOptions } from './common/cors-origins.js';
import { answerClientErrors, JSON_BODY_LIMIT, limitUrlLength } from './common/request-limits.js';
import { requestId } from './common/request-id.js';
import { DOCS_PATH, securityHeaders } from './common/security-headers.js';

export interface ServerOptions {
  /** Folder of the built web app to serve on the same origin; skipped when missing. */
  webRoot?: string;
  /** Origins allowed to call the API from another site (exact matches); none by default. */
  corsOrigins?: readonly string[];
  /** Express's `trust proxy`: the proxies whose X-Forwarded-For names the client (readTrustProxy). */
  trustProxy?: number | readonly string[] | false;
  /** Quiet logs (tests). */
  logLevels?: Array<'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal'>;
}

/** Builds the Nest application on an open database: /api/v1, errors, docs, the web app. */
export async function createApp(config: AppConfig, databaseUrl: string, options: ServerOptions = {}): Promise<NestExpressApplication> {
  const secret = resolveSecret(config.secret, config.dataDir);
  const logger = new ConsoleLogger({ json: !process.stdout.isTTY, logLevels: options.logLevels ?? ['log', 'error', 'warn', 'fatal'] });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, databaseUrl, secret }), {
    logger,
    bodyParser: false,
  });
  app.disable('x-powered-by');
  answerClientErrors(app.getHttpServer());
  // In this order: an id for the logs, headers on every answer (errors included), the URL limit
  // before any work, CORS before routing answers preflights, then the JSON body.
  app.use(requestId);
  app.use(securityHeaders());
  app.use(limitUrlLength);
  if (options.corsOrigins !== undefined && options.corsOrigins.length > 0) app.enableCors(corsOptions(options.corsOrigins));
  if (options.trustProxy !== undefined && options.trustProxy !== false) app.set('trust proxy', options.trustProxy);
  // No hash of every body: the aggregate answers carry their own tag (question + data version).
  app.set('etag', false);
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.setGlobalPrefix('api/v1');
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Caseload API').setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup(DOCS_PATH.slice(1), app, document);
  if (options.webRoot !== undefined && existsSync(join(options.webRoot, 'index.html'))) {
    app.useStaticAssets(options.webRoot, { index: false, maxAge: '1h' });
    const index = join(options.webRoot, 'index.html');
    // Client-side routes (/volume, /data…) load the app shell; /api stays the API's.
    app.use((request: Request, response: Response, next: NextFunction) => {
      if (request.method !== 'GET' || request.path.startsWith('/api')) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(index);
    });
  }
  return app;
}
