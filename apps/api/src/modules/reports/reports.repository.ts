import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ReportInput, ReportRun, ReportRunStatus } from '@caseload/contracts';
import { ReportRunEntity } from './entities/report-run.entity.js';
import { ReportEntity } from './entities/report.entity.js';

/** Runs kept per report: the oldest beyond this go, with their files. */
export const KEPT_RUNS = 50;

export function toRun(entity: ReportRunEntity): ReportRun {
  return {
    id: entity.id,
    reportId: entity.reportId,
    trigger: entity.trigger as ReportRun['trigger'],
    status: entity.status as ReportRunStatus,
    attempts: entity.attempts,
    startedAt: entity.startedAt.toISOString(),
    finishedAt: entity.finishedAt?.toISOString() ?? null,
    from: entity.rangeFrom,
    to: entity.rangeTo,
    bytes: entity.bytes === null ? null : Number(entity.bytes),
    hasFile: entity.filePath !== null,
    webhookStatus: entity.webhookStatus,
    error: entity.error,
  };
}

/** Saved reports and their runs. */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get reports() {
    return this.db.getRepository(ReportEntity);
  }

  private get runs() {
    return this.db.getRepository(ReportRunEntity);
  }

  /** Every report, or one owner's. */
  list(ownerId: number | null): Promise<ReportEntity[]> {
    return this.reports.find({ where: ownerId === null ? {} : { ownerId }, order: { id: 'ASC' } });
  }

  find(id: number): Promise<ReportEntity | null> {
    return this.reports.findOneBy({ id });
  }

  withSchedules(): Promise<ReportEntity[]> {
    return this.reports.createQueryBuilder('r').where('r.schedule IS NOT NULL').orderBy('r.id').getMany();
  }

  create(ownerId: number, input: ReportInput): Promise<ReportEntity> {
    return this.reports.save(this.reports.create({ ...fields(input), ownerId }));
  }

  async update(id: number, input: ReportInput): Promise<ReportEntity> {
    await this.reports.update({ id }, { ...fields(input), updatedAt: new Date() });
    return (await this.find(id))!;
  }

  /** Deletes the report and its runs; answers the files the runs kept. */
  async remove(id: number): Promise<string[]> {
    return this.db.transaction(async (manager) => {
      const runs = await manager.getRepository(ReportRunEntity).findBy({ reportId: id });
      await manager.getRepository(ReportRunEntity).delete({ reportId: id });
      await manager.getRepository(ReportEntity).delete({ id });
      return runs.flatMap((run) => (run.filePath === null ? [] : [run.filePath]));
    });
  }

  startRun(reportId: number, trigger: ReportRun['trigger'], range: { from: string; to: string }): Promise<ReportRunEntity> {
    return this.runs.save(this.runs.create({ reportId, trigger, status: 'running', attempts: 0, rangeFrom: range.from, rangeTo: range.to }));
  }

  async updateRun(id: number, changes: Partial<Pick<ReportRunEntity, 'status' | 'attempts' | 'finishedAt' | 'bytes' | 'filePath' | 'webhookStatus' | 'error'>>): Promise<void> {
    await this.runs.update({ id }, changes);
  }

  listRuns(reportId: number, limit = KEPT_RUNS): Promise<ReportRunEntity[]> {
    return this.runs.find({ where: { reportId }, order: { id: 'DESC' }, take: limit });
  }

  findRun(reportId: number, runId: number): Promise<ReportRunEntity | null> {
    return this.runs.findOneBy({ reportId, id: runId });
  }

  async lastRuns(reportIds: number[]): Promise<Map<number, ReportRunEntity>> {
    if (reportIds.length === 0) return new Map();
    const rows = await this.runs
      .createQueryBuilder('run')
      .distinctOn(['run.reportId'])
      .where('run.reportId IN (:...ids)', { ids: reportIds })
      .orderBy('run.reportId')
      .addOrderBy('run.id', 'DESC')
      .getMany();
    return new Map(rows.map((run) => [run.reportId, run]));
  }

  /** Runs left running by a server that stopped: they will not finish. */
  async failInterrupted(): Promise<number> {
    const result = await this.runs.update({ status: 'running' }, { status: 'failed', finishedAt: new Date(), error: 'The server stopped while the report was running; run it again.' });
    return result.affected ?? 0;
  }

  /** Removes the runs of a report beyond the newest KEPT_RUNS; answers their files. */
  async prune(reportId: number): Promise<string[]> {
    const old = await this.runs.createQueryBuilder('run').where('run.reportId = :reportId', { reportId }).orderBy('run.id', 'DESC').skip(KEPT_RUNS).getMany();
    if (old.length === 0) return [];
    await this.runs.delete(old.map((run) => run.id));
    return old.flatMap((run) => (run.filePath === null ? [] : [run.filePath]));
  }
}

function fields(input: ReportInput): Partial<ReportEntity> {
  return {
    name: input.name,
    query: input.query,
    range: input.range as unknown as Record<string, string>,
    format: input.format,
    suppress: input.suppress,
    schedule: input.schedule,
    writeFile: input.writeFile,
    webhookUrl: input.webhookUrl,
  };
}
