import { Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Pool } from 'pg';
import type { AppConfig } from './config/app-config.js';
import { APP_CONFIG, SERVER_SECRET } from './config/config.tokens.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { dataSourceOptions } from './database/data-source.js';
import { PG_POOL } from './database/database.tokens.js';
import { AnalyticsModule } from './modules/analytics/analytics.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { CapacityModule } from './modules/capacity/capacity.module.js';
import { ExportModule } from './modules/export/export.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { IngestModule } from './modules/ingest/ingest.module.js';
import { ReimbursementModule } from './modules/reimbursement/reimbursement.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { UsersModule } from './modules/users/users.module.js';

export interface AppRuntime {
  config: AppConfig;
  databaseUrl: string;
  secret: string;
}

@Injectable()
class PoolCloser implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/** Config, secret and both database handles are global; feature modules stay plain. */
@Module({})
class CoreModule {
  static forRoot(runtime: AppRuntime): DynamicModule {
    return {
      module: CoreModule,
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: runtime.config },
        { provide: SERVER_SECRET, useValue: runtime.secret },
        {
          provide: PG_POOL,
          useFactory: () => {
            const pool = new Pool({ connectionString: runtime.databaseUrl, max: 10, options: '-c jit=off' });
            // An idle connection the server closes (a restart, a shutdown) must not take the process down.
            pool.on('error', (error) => new Logger('Database').warn(`idle connection lost: ${error.message}`));
            return pool;
          },
        },
        PoolCloser,
      ],
      exports: [APP_CONFIG, SERVER_SECRET, PG_POOL],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(runtime: AppRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(runtime),
        TypeOrmModule.forRoot({ ...dataSourceOptions(runtime.databaseUrl) }),
        AuditModule,
        AuthModule,
        UsersModule,
        HealthModule,
        IngestModule,
        AnalyticsModule,
        ExportModule,
        ReimbursementModule,
        CapacityModule,
        ReportsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
    };
  }
}
