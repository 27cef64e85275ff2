import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { todayIn } from '@caseload/domain';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { DataVersionService } from '../analytics/data-version.service.js';
import { CapacityForecastService } from './capacity-forecast.service.js';
import { parseForecastQuery, parseNeedsQuery } from './capacity-query.js';
import { CapacityService } from './capacity.service.js';

/** How long after the start the first warming waits (the in-memory index is built first). */
const FIRST_WARM_MS = 30_000;
/** How often the data version is looked at. */
const CHECK_MS = 60_000;

/**
 * Fits the forecasts the Capacity page opens with (the next quarter's needs and volume
 * forecasts, for every department) in the background, at start and after each import, so
 * that a planner's first view is answered from the cache instead of waiting seconds for
 * hundreds of model fits. Scoped users' views and other horizons are fitted when asked.
 */
@Injectable()
export class CapacityWarmer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Capacity');
  private timer: NodeJS.Timeout | null = null;
  private warmed: string | null = null;
  private stopping = false;

  constructor(
    private readonly capacity: CapacityService,
    private readonly forecasts: CapacityForecastService,
    private readonly dataVersion: DataVersionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(FIRST_WARM_MS);
  }

  onApplicationShutdown(): void {
    this.stopping = true;
    if (this.timer !== null) clearTimeout(this.timer);
  }

  /** Warms the page's first answers for the current data, unless they are warm already. */
  async warm(): Promise<boolean> {
    const version = await this.dataVersion.current();
    if (version === this.warmed) return false;
    const today = todayIn(this.config.timeZone);
    const started = Date.now();
    await this.capacity.needs(parseNeedsQuery({}, today), null);
    await this.forecasts.forecast(parseForecastQuery({ horizon: '3', topCodes: '0' }, today), null);
    this.warmed = version;
    this.logger.log(`capacity forecasts fitted for the Capacity page in ${Date.now() - started} ms`);
    return true;
  }

  private schedule(delay: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.warm()
        .catch((error: unknown) => {
          if (!this.stopping) this.logger.warn(`capacity forecasts not fitted ahead: ${error instanceof Error ? error.message : String(error)}`);
        })
        .finally(() => this.schedule(CHECK_MS));
    }, delay);
    this.timer.unref();
  }
}
