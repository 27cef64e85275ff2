import { Controller, Get, Headers, Inject, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { todayIn } from '@caseload/domain';
import type { AggregateResponse } from '@caseload/contracts';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { CurrentUser, type AuthUser } from '../auth/current-user.decorator.js';
import { parseAggregateQuery } from './aggregate-query.js';
import { AggregateService } from './aggregate.service.js';
import { rowsToArrowStream } from './arrow-encoder.js';

export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

@Controller('aggregate')
export class AggregateController {
  constructor(
    private readonly service: AggregateService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async aggregate(
    @Query() params: Record<string, unknown>,
    @Headers('accept') accept: string | undefined,
    @Headers('cache-control') cacheControl: string | undefined,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AggregateResponse | StreamableFile | string> {
    const query = parseAggregateQuery(params, todayIn(this.config.timeZone));
    const { answer, json, etag } = await this.service.aggregateSerialized(query, user.departments, { fresh: cacheControl?.includes('no-cache') ?? false });
    if (!accept?.includes(ARROW_STREAM)) {
      // The JSON text as the cache keeps it: a repeated question is not serialised again. The
      // tag names the question and the data version, so a browser that holds this answer is
      // told 304 (Express compares If-None-Match) and nothing is hashed per request.
      response.type('application/json');
      response.setHeader('ETag', etag);
      return json;
    }
    const values = query.measures.flatMap((measure) => (query.compare ? [measure, `${measure}_compare`] : [measure]));
    response.setHeader('Content-Type', ARROW_STREAM);
    // A StreamableFile is sent as bytes; a Buffer returned as is would be serialised as JSON.
    const bytes = rowsToArrowStream(answer.rows, query.groupBy, values);
    return new StreamableFile(bytes, { type: ARROW_STREAM, length: bytes.byteLength });
  }
}
