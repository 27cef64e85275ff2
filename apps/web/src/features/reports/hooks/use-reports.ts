import type { ReportInput, ReportRun, SavedReport } from '@caseload/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createReport, deleteReport, fetchReports, fetchRuns, runReport, updateReport } from '../utils/reports-api';

export const REPORTS_QUERY_KEY = ['reports'] as const;

/** How often a running report is asked about. */
export const POLL_MS = 2_000;

const runsKey = (id: number) => [...REPORTS_QUERY_KEY, id, 'runs'] as const;

/** The saved reports; while any of them runs, asked again every 2 s until it ends. */
export function useReports() {
  return useQuery({
    queryKey: REPORTS_QUERY_KEY,
    queryFn: ({ signal }) => fetchReports(signal),
    // A schedule may have run since the last visit.
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.some((report) => report.lastRun?.status === 'running') ? POLL_MS : false),
  });
}

/**
 * One report's runs, newest first; polled while one runs. `enabled` is false while collapsed.
 * `lastRun` (the list's word on the latest run: its id and status) is part of the key, so the
 * runs are asked again whenever the list sees a run start or end, even one that began before
 * these runs were first read.
 */
export function useReportRuns(id: number, enabled: boolean, lastRun = '') {
  return useQuery({
    queryKey: [...runsKey(id), lastRun],
    queryFn: ({ signal }) => fetchRuns(id, signal),
    enabled,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.some((run) => run.status === 'running') ? POLL_MS : false),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return (id?: number) => {
    void queryClient.invalidateQueries({ queryKey: REPORTS_QUERY_KEY, exact: true });
    if (id !== undefined) void queryClient.invalidateQueries({ queryKey: runsKey(id) });
  };
}

/** Saves a new report (no id) or the changes to one. */
export function useSaveReport() {
  const refresh = useRefresh();
  return useMutation<SavedReport, Error, { id: number | null; input: ReportInput }>({
    mutationFn: ({ id, input }) => (id === null ? createReport(input) : updateReport(id, input)),
    onSuccess: (report) => refresh(report.id),
  });
}

export function useDeleteReport() {
  const refresh = useRefresh();
  return useMutation<void, Error, number>({ mutationFn: deleteReport, onSuccess: () => refresh() });
}

/** Starts a run; the list and the runs are asked again, and polled while it runs. */
export function useRunReport() {
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  return useMutation<ReportRun, Error, number>({
    mutationFn: runReport,
    onSuccess: (run) => {
      // Shown as running at once, before the list is asked again.
      queryClient.setQueryData<SavedReport[]>(REPORTS_QUERY_KEY, (reports) => reports?.map((report) => (report.id === run.reportId ? { ...report, lastRun: run } : report)));
      refresh(run.reportId);
    },
  });
}
