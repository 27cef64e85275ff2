import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Cron } from 'croner';
import type { ReportInput, ReportRange, ReportRun, SavedReport } from '@caseload/contracts';
import { todayIn } from '@caseload/domain';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import type { AuthUser } from '../auth/current-user.decorator.js';
import { UsersRepository } from '../auth/users.repository.js';
import { manifestHeader } from '../export/export-manifest.js';
import { ExportService } from '../export/export.service.js';
import type { ReportEntity } from './entities/report.entity.js';
import { checkReportInput, exportRequestOf, runRange } from './report-input.js';
import { writeExportToFile } from './report-output.js';
import { ReportNotFoundException, ReportRunNotFoundException } from './reports.exception.js';
import { ReportsRepository, toRun } from './reports.repository.js';

/** How long a webhook may take to answer before the try counts as failed. */
const WEBHOOK_TIMEOUT_MS = 30_000;

function toInput(entity: ReportEntity): ReportInput {
  return {
    name: entity.name,
    query: entity.query,
    range: entity.range as unknown as ReportRange,
    format: entity.format as ReportInput['format'],
    suppress: entity.suppress,
    schedule: entity.schedule as ReportInput['schedule'],
    writeFile: entity.writeFile,
    webhookUrl: entity.webhookUrl,
  };
}

/**
 * Saved reports: an export query with a moving date range, run on request or by a cron
 * schedule (in CASELOAD_TIMEZONE). A run exports as the report's owner — their role, their
 * department scope, suppression as they may have it, and an entry in the audit log — then
 * keeps the file in the reports folder and/or POSTs it to a webhook. A failed try is retried
 * after each of CASELOAD_REPORT_RETRY_DELAYS; the run records every outcome.
 */
@Injectable()
export class ReportsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reports');
  private readonly jobs = new Map<number, Cron>();
  /** Runs under way, by report: a deleted report waits for its runs before its files go. */
  private readonly running = new Map<number, Set<Promise<unknown>>>();
  private stopping = false;

  constructor(
    private readonly repository: ReportsRepository,
    private readonly users: UsersRepository,
    private readonly exports: ExportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The folder the runs' files are written to. */
  get folder(): string {
    return resolve(this.config.dataDir, 'reports');
  }

  async onApplicationBootstrap(): Promise<void> {
    const interrupted = await this.repository.failInterrupted();
    if (interrupted > 0) this.logger.warn(`${interrupted} report runs were cut off by the last stop; marked failed`);
    for (const report of await this.repository.withSchedules()) this.schedule(report);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const job of this.jobs.values()) job.stop();
    this.jobs.clear();
    await Promise.allSettled([...this.running.values()].flatMap((runs) => [...runs]));
  }

  async list(user: AuthUser): Promise<SavedReport[]> {
    const reports = await this.repository.list(user.role === 'admin' ? null : user.id);
    const last = await this.repository.lastRuns(reports.map((report) => report.id));
    const owners = new Map<number, string>();
    for (const report of reports) {
      if (!owners.has(report.ownerId)) owners.set(report.ownerId, (await this.users.findById(report.ownerId))?.email ?? `user ${report.ownerId}`);
    }
    return reports.map((report) => this.toSaved(report, owners.get(report.ownerId)!, last.get(report.id)));
  }

  async get(user: AuthUser, id: number): Promise<SavedReport> {
    const report = await this.visible(user, id);
    const last = await this.repository.lastRuns([report.id]);
    const owner = (await this.users.findById(report.ownerId))?.email ?? `user ${report.ownerId}`;
    return this.toSaved(report, owner, last.get(report.id));
  }

  async create(user: AuthUser, body: unknown): Promise<SavedReport> {
    const input = checkReportInput(body, null, user.role, this.today(), this.config.timeZone);
    const report = await this.repository.create(user.id, input);
    this.schedule(report);
    return this.toSaved(report, user.email, undefined);
  }

  async update(user: AuthUser, id: number, body: unknown): Promise<SavedReport> {
    const existing = await this.visible(user, id);
    const owner = await this.users.findById(existing.ownerId);
    // The report runs as its owner: it is checked against the owner's role, whoever edits it.
    const input = checkReportInput(body, toInput(existing), owner?.role ?? user.role, this.today(), this.config.timeZone, user.role);
    const report = await this.repository.update(id, input);
    this.schedule(report);
    return this.get(user, id);
  }

  async remove(user: AuthUser, id: number): Promise<void> {
    await this.visible(user, id);
    this.unschedule(id);
    await Promise.allSettled([...(this.running.get(id) ?? [])]);
    const files = await this.repository.remove(id);
    await this.removeFiles(files);
  }

  async runs(user: AuthUser, id: number): Promise<ReportRun[]> {
    await this.visible(user, id);
    return (await this.repository.listRuns(id)).map(toRun);
  }

  /** Starts a run now; it goes on in the background (follow it in the runs). */
  async runNow(user: AuthUser, id: number): Promise<ReportRun> {
    const report = await this.visible(user, id);
    const { run, done } = await this.start(report, 'manual');
    void done;
    return run;
  }

  /** The kept file of a run, with the name it downloads as. */
  async runFile(user: AuthUser, id: number, runId: number): Promise<{ path: string; fileName: string }> {
    const report = await this.visible(user, id);
    const run = await this.repository.findRun(id, runId);
    if (run === null) throw new ReportRunNotFoundException(`Report ${id} has no run ${runId}.`);
    if (run.filePath === null) throw new ReportRunNotFoundException(`Run ${runId} of report ${id} kept no file${run.status === 'failed' ? ': it failed' : ''}.`);
    return { path: join(this.folder, run.filePath), fileName: fileNameOf(report, run.rangeFrom, run.rangeTo) };
  }

  /** Starts a run and answers it at once, with the promise of its end (tests and the scheduler wait on it). */
  async start(report: ReportEntity, trigger: ReportRun['trigger']): Promise<{ run: ReportRun; done: Promise<ReportRun> }> {
    const range = runRange(toInput(report).range, this.today());
    const run = await this.repository.startRun(report.id, trigger, range);
    const done = this.execute(report, run.id, range);
    const runs = this.running.get(report.id) ?? new Set();
    this.running.set(report.id, runs.add(done));
    void done.finally(() => {
      runs.delete(done);
      if (runs.size === 0) this.running.delete(report.id);
    });
    return { run: toRun(run), done };
  }

  private async execute(report: ReportEntity, runId: number, range: { from: string; to: string }): Promise<ReportRun> {
    const delays = this.config.reportRetryDelaysMs;
    for (let attempt = 1; attempt <= delays.length + 1; attempt++) {
      try {
        const outcome = await this.attempt(report, runId, range);
        await this.repository.updateRun(runId, { status: 'succeeded', attempts: attempt, finishedAt: new Date(), error: null, ...outcome });
        break;
      } catch (failure) {
        const error = failure instanceof Error ? failure.message : String(failure);
        this.logger.warn(`report ${report.id} run ${runId}, try ${attempt}: ${error}`);
        const last = attempt > delays.length || this.stopping;
        await this.repository.updateRun(runId, { attempts: attempt, error, ...(last ? { status: 'failed', finishedAt: new Date() } : {}) });
        if (last) break;
        await sleep(delays[attempt - 1]!);
      }
    }
    await this.removeFiles(await this.repository.prune(report.id));
    return toRun((await this.repository.findRun(report.id, runId))!);
  }

  /** One try: export as the owner to a file, keep it and/or POST it. */
  private async attempt(report: ReportEntity, runId: number, range: { from: string; to: string }) {
    const owner = await this.users.findById(report.ownerId, { fresh: true });
    if (owner === null || owner.disabled) throw new Error('The report’s owner can no longer sign in, so it cannot run; an administrator can save it again under another account.');
    const user: AuthUser = { id: owner.id, email: owner.email, role: owner.role, departments: owner.departments };
    const input = toInput(report);
    const request = exportRequestOf({ ...input, range: { preset: 'fixed', ...range } }, owner.role, this.today());
    const file = await this.exports.export(request, user, null);
    await mkdir(join(this.folder, String(report.id)), { recursive: true });
    const relative = join(String(report.id), `${runId}-${fileNameOf(report, range.from, range.to)}`);
    const partial = join(this.folder, `${relative}.part`);
    await rm(partial, { force: true });
    let bytes: number;
    try {
      bytes = await writeExportToFile(file, partial);
    } catch (error) {
      await rm(partial, { force: true });
      throw new Error(`The export failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    let webhookStatus: number | null = null;
    try {
      if (report.webhookUrl !== null) webhookStatus = await this.deliver(report, runId, partial, { contentType: file.contentType, manifest: manifestHeader(file.manifest), ...range });
      if (!report.writeFile) {
        await rm(partial, { force: true });
        return { bytes: String(bytes), filePath: null, webhookStatus };
      }
      await rename(partial, join(this.folder, relative));
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { bytes: String(bytes), filePath: relative, webhookStatus };
  }

  private async deliver(report: ReportEntity, runId: number, path: string, file: { contentType: string; manifest: string; from: string; to: string }): Promise<number> {
    let response: Response;
    try {
      response = await fetch(report.webhookUrl!, {
        method: 'POST',
        headers: {
          'Content-Type': file.contentType,
          'Content-Disposition': `attachment; filename="${fileNameOf(report, file.from, file.to)}"`,
          'X-Caseload-Report': String(report.id),
          'X-Caseload-Run': String(runId),
          'X-Caseload-Manifest': file.manifest,
        },
        body: await readFile(path),
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        redirect: 'error',
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new Error(`The webhook could not be reached: ${reason}.`, { cause: error });
    }
    await response.body?.cancel();
    if (!response.ok) throw Object.assign(new Error(`The webhook answered ${response.status} ${response.statusText}.`.replace(' .', '.')), { status: response.status });
    return response.status;
  }

  private schedule(report: ReportEntity): void {
    this.unschedule(report.id);
    if (report.schedule === null || this.stopping) return;
    const job = new Cron(report.schedule.cron, { timezone: this.config.timeZone, protect: true, name: `report-${report.id}` }, async () => {
      const current = await this.repository.find(report.id);
      if (current === null) return;
      await (await this.start(current, 'schedule')).done;
    });
    this.jobs.set(report.id, job);
  }

  private unschedule(id: number): void {
    this.jobs.get(id)?.stop();
    this.jobs.delete(id);
  }

  /** The report if the user may see it: theirs, or any for an admin. Otherwise, as if there were none. */
  private async visible(user: AuthUser, id: number): Promise<ReportEntity> {
    const report = Number.isSafeInteger(id) ? await this.repository.find(id) : null;
    if (report === null || (user.role !== 'admin' && report.ownerId !== user.id)) throw new ReportNotFoundException(id);
    return report;
  }

  private toSaved(report: ReportEntity, owner: string, last: Parameters<typeof toRun>[0] | undefined): SavedReport {
    return {
      id: report.id,
      ...toInput(report),
      owner,
      createdAt: report.createdAt.toISOString(),
      updatedAt: report.updatedAt.toISOString(),
      nextRunAt: this.jobs.get(report.id)?.nextRun()?.toISOString() ?? null,
      lastRun: last === undefined ? null : toRun(last),
    };
  }

  private async removeFiles(files: string[]): Promise<void> {
    for (const file of files) await rm(join(this.folder, file), { force: true });
  }

  private today() {
    return todayIn(this.config.timeZone);
  }
}

/** `department-volume_2026-04-01_2026-04-30.csv`: the report's name made safe for a file name. */
export function fileNameOf(report: Pick<ReportEntity, 'name' | 'format'>, from: string, to: string): string {
  const slug = report.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'report';
  return `${slug}_${from}_${to}.${report.format === 'arrow' ? 'arrow' : report.format}`;
}
