import type { ImportState } from '@caseload/contracts';

export type StatusTone = 'waiting' | 'working' | 'done' | 'failed';

export interface StatusLabel {
  label: string;
  tone: StatusTone;
}

const LABELS: Record<ImportState, StatusLabel> = {
  queued: { label: 'Queued', tone: 'waiting' },
  running: { label: 'Running', tone: 'working' },
  completed: { label: 'Completed', tone: 'done' },
  failed: { label: 'Failed', tone: 'failed' },
};

/** The words (and colour family) for an import's state; the words carry the meaning, never the colour alone. */
export function importStatusLabel(status: ImportState): StatusLabel {
  return LABELS[status] ?? { label: String(status), tone: 'waiting' };
}

/** An import that has not reached its end yet: worth asking about again. */
export function isUnderWay(status: ImportState): boolean {
  return status === 'queued' || status === 'running';
}
