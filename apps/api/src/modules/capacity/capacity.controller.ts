import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import type { CapacityForecastResponse, CapacityNeedsResponse, CapacityUtilizationResponse } from '@caseload/contracts';
import { todayIn } from '@caseload/domain';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { CurrentUser, type AuthUser } from '../auth/current-user.decorator.js';
import { CapacityForecastService } from './capacity-forecast.service.js';
import { parseForecastQuery, parseNeedsQuery, parseUtilizationQuery } from './capacity-query.js';
import { CapacityService } from './capacity.service.js';

/**
 * Answers are cached whole (the same object for the same question and data), and they are
 * large documents: each is written to JSON once and sent as that text thereafter.
 */
const serialized = new WeakMap<object, string>();

async function asJson(answer: Promise<object>): Promise<string> {
  const value = await answer;
  let text = serialized.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    serialized.set(value, text);
  }
  return text;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Capacity answers: utilization of the past, volume forecasts, and the needs of the coming months. */
@Controller('capacity')
export class CapacityController {
  constructor(
    private readonly capacity: CapacityService,
    private readonly forecasts: CapacityForecastService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A CapacityUtilizationResponse. */
  @Get('utilization')
  @Header('Content-Type', JSON_TYPE)
  utilization(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser): Promise<string> {
    return asJson(this.capacity.utilization(parseUtilizationQuery(query, todayIn(this.config.timeZone)), user.departments) satisfies Promise<CapacityUtilizationResponse>);
  }

  /** A CapacityForecastResponse. */
  @Get('forecast')
  @Header('Content-Type', JSON_TYPE)
  forecast(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser): Promise<string> {
    return asJson(this.forecasts.forecast(parseForecastQuery(query, todayIn(this.config.timeZone)), user.departments) satisfies Promise<CapacityForecastResponse>);
  }

  /** A CapacityNeedsResponse. */
  @Get('needs')
  @Header('Content-Type', JSON_TYPE)
  needs(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser): Promise<string> {
    return asJson(this.capacity.needs(parseNeedsQuery(query, todayIn(this.config.timeZone)), user.departments) satisfies Promise<CapacityNeedsResponse>);
  }
}
