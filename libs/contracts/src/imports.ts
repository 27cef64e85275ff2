export type ImportState = 'queued' | 'running' | 'completed' | 'failed';

export interface ImportStatusResponse {
  id: number;
  status: ImportState;
  fileName: string | null;
  /** 0..1 */
  progress: number;
  rowsTotal: number;
  rowsLoaded: number;
  rowsRejected: number;
  departmentsCreated: string[];
  unknownColumns: string[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface RejectionRow {
  /** The header is row 1. */
  rowNumber: number;
  column: string | null;
  reason: string;
  /** The row as it was sent, with the patient identifier masked. */
  raw: string;
}

export interface RejectionsResponse {
  rows: RejectionRow[];
}
