import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { IMPORTS_QUERY_KEY, useImportStatus } from './use-imports';
import { refuseFile } from '../utils/upload-file';
import { uploadCsv } from '../utils/upload-csv';
import { describeUpload, type UploadState, type UploadView } from '../utils/upload-view';

export interface CsvUpload {
  view: UploadView;
  /** Why the last chosen file was refused before sending, if it was. */
  fileError: string | null;
  choose: (file: File) => void;
  /** Refuses without a file (a drop of several, an empty drop). */
  refuse: (message: string) => void;
  start: () => void;
  cancel: () => void;
  reset: () => void;
}

/**
 * The upload card's state: the chosen file, its upload with progress, then the server's
 * processing followed by polling until it completes or fails.
 */
export function useCsvUpload(): CsvUpload {
  const queryClient = useQueryClient();
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const [fileError, setFileError] = useState<string | null>(null);
  const fileRef = useRef<File | null>(null);
  const abortRef = useRef<AbortController | null>(null);

  const importId = state.phase === 'accepted' ? state.importId : null;
  const status = useImportStatus(importId);
  const statusError = status.isError ? status.error.message : null;
  const view = useMemo(() => describeUpload(state, status.data, { statusError }), [state, status.data, statusError]);

  const refreshList = useCallback(() => void queryClient.invalidateQueries({ queryKey: IMPORTS_QUERY_KEY }), [queryClient]);

  // The list shows the import's end as soon as the upload card does.
  const finished = view.kind === 'finished' && state.phase === 'accepted';
  useEffect(() => {
    if (finished) refreshList();
  }, [finished, refreshList]);

  // Leaving the page stops an upload still on its way; an accepted import runs on regardless.
  useEffect(() => () => abortRef.current?.abort(), []);

  const choose = useCallback((file: File) => {
    const problem = refuseFile(file);
    setFileError(problem);
    fileRef.current = problem === null ? file : null;
    setState(problem === null ? { phase: 'selected', file } : { phase: 'idle' });
  }, []);

  const refuse = useCallback((message: string) => {
    fileRef.current = null;
    setFileError(message);
    setState({ phase: 'idle' });
  }, []);

  const start = useCallback(() => {
    const file = fileRef.current;
    if (file === null) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setState({ phase: 'uploading', file, loaded: 0, total: file.size });
    uploadCsv(file, {
      signal: controller.signal,
      onProgress: (loaded, total) => setState((current) => (current.phase === 'uploading' ? { ...current, loaded, total } : current)),
    }).then(
      ({ id }) => {
        setState({ phase: 'accepted', file, importId: id });
        refreshList();
      },
      (error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') {
          setState({ phase: 'cancelled', file });
          return;
        }
        setState({ phase: 'refused', file, message: error instanceof Error ? error.message : 'The upload failed.' });
        // A file refused for its header is listed as a failed import.
        refreshList();
      },
    );
  }, [refreshList]);

  const cancel = useCallback(() => abortRef.current?.abort(), []);

  const reset = useCallback(() => {
    fileRef.current = null;
    setFileError(null);
    setState({ phase: 'idle' });
  }, []);

  return { view, fileError, choose, refuse, start, cancel, reset };
}
