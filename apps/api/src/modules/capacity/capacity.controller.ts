import { Controller, Get, Inject, Query } from '@nestjs/common';
import type { CapacityForecastResponse, CapacityNeedsResponse, CapacityUtilizationResponse } from '@caseload/contracts';
import { todayIn } from '@caseload/domain';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { CurrentUser, type AuthUser } from '../auth/current-user.decorator.js';
import { CapacityForecastService } from './capacity-forecast.service.js';
import { parseForecastQuery, parseNeedsQuery, parseUtilizationQuery } from './capacity-query.js';
import { CapacityService } from './capacity.service.js';

/** Capacity answers: utilization of the past, volume forecasts, and the needs of the coming months. */
@Controller('capacity')
export class CapacityController {
  constructor(
    private readonly capacity: CapacityService,
    private readonly forecasts: CapacityForecastService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('utilization')
  utilization(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser): Promise<CapacityUtilizationResponse> {
    return this.capacity.utilization(parseUtilizationQuery(query, todayIn(this.config.timeZone)), user.departments);
  }

  @Get('forecast')
  forecast(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser): Promise<CapacityForecastResponse> {
    return this.forecasts.forecast(parseForecastQuery(query, todayIn(this.config.timeZone)), user.departments);
  }

  @Get('needs')
  needs(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser): Promise<CapacityNeedsResponse> {
    return this.capacity.needs(parseNeedsQuery(query, todayIn(this.config.timeZone)), user.departments);
  }
}
