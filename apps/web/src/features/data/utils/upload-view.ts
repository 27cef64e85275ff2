import type { ImportStatusResponse } from '@caseload/contracts';
import { countOf, formatCount, type FormatOptions } from './format';
import { formatBytes, type FileSummary } from './upload-file';

/** Where the browser's side of an upload stands; the server's side comes from the import's status. */
export type UploadState =
  | { phase: 'idle' }
  | { phase: 'selected'; file: FileSummary }
  | { phase: 'uploading'; file: FileSummary; loaded: number; total: number }
  | { phase: 'accepted'; file: FileSummary; importId: number }
  | { phase: 'refused'; file: FileSummary; message: string }
  | { phase: 'cancelled'; file: FileSummary };

export interface ProgressView {
  /** "Step 1 of 2: Uploading" */
  step: string;
  /** 0..100, whole numbers. */
  percent: number;
  /** What the bar stands for, read with the value: "45% · 1.2 MB of 2.6 MB sent". */
  detail: string;
  /** The upload can still be stopped; once the server has the file it runs to its end. */
  cancellable: boolean;
}

export interface ResultView {
  tone: 'success' | 'warning' | 'error';
  title: string;
  /** More lines under the title: departments created, columns ignored, the error. */
  details: string[];
  /** The import to open for its rejected rows, when there are any. */
  rejectionsOf: number | null;
}

export type UploadView =
  | { kind: 'idle' }
  | { kind: 'selected'; file: FileSummary; size: string }
  | { kind: 'working'; file: FileSummary; progress: ProgressView }
  | { kind: 'finished'; file: FileSummary; result: ResultView };

/**
 * Shapes the upload's state and the import's last known status into what the upload card
 * shows: the step and its progress while it runs, then one end state.
 */
export function describeUpload(
  state: UploadState,
  status: ImportStatusResponse | undefined,
  options: FormatOptions & { statusError?: string | null } = {},
): UploadView {
  switch (state.phase) {
    case 'idle':
      return { kind: 'idle' };
    case 'selected':
      return { kind: 'selected', file: state.file, size: formatBytes(state.file.size, options.locale) };
    case 'uploading':
      return { kind: 'working', file: state.file, progress: uploadingProgress(state.loaded, state.total, options) };
    case 'refused':
      return { kind: 'finished', file: state.file, result: { tone: 'error', title: 'The file was not imported', details: [state.message], rejectionsOf: null } };
    case 'cancelled':
      return {
        kind: 'finished',
        file: state.file,
        result: { tone: 'error', title: 'Upload cancelled', details: ['Nothing was sent to the import; choose the file again to import it.'], rejectionsOf: null },
      };
    case 'accepted':
      if ((status === undefined || status.id !== state.importId) && options.statusError) {
        return { kind: 'finished', file: state.file, result: lostTrack(state.importId, options.statusError) };
      }
      if (status === undefined || status.id !== state.importId) {
        return { kind: 'working', file: state.file, progress: { step: 'Step 2 of 2: Loading rows', percent: 0, detail: 'Waiting for the server to start', cancellable: false } };
      }
      if (status.status === 'completed' || status.status === 'failed') {
        return { kind: 'finished', file: state.file, result: importResult(status, options) };
      }
      return { kind: 'working', file: state.file, progress: processingProgress(status, options) };
  }
}

function uploadingProgress(loaded: number, total: number, options: FormatOptions): ProgressView {
  const percent = toPercent(total > 0 ? loaded / total : 0);
  // Every byte sent: the server checks the header before it answers.
  if (total > 0 && loaded >= total) {
    return { step: 'Step 1 of 2: Uploading', percent: 100, detail: 'File sent; checking its header', cancellable: false };
  }
  return {
    step: 'Step 1 of 2: Uploading',
    percent,
    detail: `${percent}% · ${formatBytes(loaded, options.locale)} of ${formatBytes(total, options.locale)} sent`,
    cancellable: true,
  };
}

function processingProgress(status: ImportStatusResponse, options: FormatOptions): ProgressView {
  if (status.status === 'queued') {
    return { step: 'Step 2 of 2: Loading rows', percent: 0, detail: 'Queued behind another import', cancellable: false };
  }
  const percent = toPercent(status.progress);
  return {
    step: 'Step 2 of 2: Loading rows',
    percent,
    detail: `${percent}% · ${countOf(status.rowsLoaded, 'line', 'lines', options)} loaded, ${formatCount(status.rowsRejected, options)} rejected`,
    cancellable: false,
  };
}

/** The end of an import in one sentence: "Loaded 1,204 lines, 3 rejected", or the server's reason. */
export function importResult(status: ImportStatusResponse, options: FormatOptions = {}): ResultView {
  if (status.status === 'failed') {
    return {
      tone: 'error',
      title: 'The import failed',
      details: [status.error?.trim() || 'The server gave no reason. Try again, or ask an administrator to look at the server log.'],
      rejectionsOf: null,
    };
  }
  const details: string[] = [];
  if (status.departmentsCreated.length > 0) details.push(`New departments created: ${status.departmentsCreated.join(', ')}.`);
  if (status.unknownColumns.length > 0) details.push(`Columns ignored (not part of the format): ${status.unknownColumns.join(', ')}.`);
  if (status.rowsLoaded === 0 && status.rowsRejected === 0) details.push('The file had a header but no lines.');
  return {
    tone: status.rowsRejected > 0 ? 'warning' : 'success',
    title: `Loaded ${countOf(status.rowsLoaded, 'line', 'lines', options)}, ${formatCount(status.rowsRejected, options)} rejected`,
    details,
    rejectionsOf: status.rowsRejected > 0 ? status.id : null,
  };
}

/** The server took the file, but its progress cannot be read: the import may still finish. */
function lostTrack(importId: number, message: string): ResultView {
  return {
    tone: 'error',
    title: 'The import’s progress could not be followed',
    details: [message, `The server took the file as import ${importId}; the list of imports shows how it ends.`],
    rejectionsOf: null,
  };
}

/** What the live region says when an upload ends; empty while it runs (the bar speaks for itself). */
export function uploadAnnouncement(view: UploadView): string {
  if (view.kind !== 'finished') return '';
  const { title, details } = view.result;
  return [`${view.file.name}: ${title}.`, ...details].join(' ');
}

function toPercent(fraction: number): number {
  if (!Number.isFinite(fraction)) return 0;
  return Math.min(100, Math.max(0, Math.floor(fraction * 100)));
}
