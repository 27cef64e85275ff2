import { execFileSync } from 'node:child_process';
import { cpus, release, totalmem, type } from 'node:os';
import { Client } from 'pg';

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryBytes: number;
  os: string;
  node: string;
  postgres: string;
  postgresEmbedded: boolean;
  postgresSettings: Record<string, string>;
  gitCommit: string | null;
  factLines: number;
  factBytes: number;
}

const SETTINGS = ['shared_buffers', 'work_mem', 'jit', 'max_parallel_workers_per_gather', 'effective_cache_size'];

function gitCommit(): string | null {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return dirty ? `${commit}+changes` : commit;
  } catch {
    return null;
  }
}

/** The machine, the PostgreSQL server and the size of the data the figures were measured on. */
export async function machineInfo(databaseUrl: string, embedded: boolean): Promise<MachineInfo> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const version = await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    const settings = await client.query<{ name: string; setting: string }>('SELECT name, current_setting(name) AS setting FROM unnest($1::text[]) AS name', [SETTINGS]);
    const facts = await client.query<{ n: string; bytes: string }>(`SELECT count(*) AS n, pg_total_relation_size('procedure_line') AS bytes FROM procedure_line`);
    return {
      cores: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      memoryBytes: totalmem(),
      os: `${type()} ${release()}`,
      node: process.version,
      postgres: version.rows[0]!.v,
      postgresEmbedded: embedded,
      postgresSettings: Object.fromEntries(settings.rows.map((row) => [row.name, row.setting])),
      gitCommit: gitCommit(),
      factLines: Number(facts.rows[0]!.n),
      factBytes: Number(facts.rows[0]!.bytes),
    };
  } finally {
    await client.end();
  }
}
