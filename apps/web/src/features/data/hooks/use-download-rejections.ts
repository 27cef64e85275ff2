import { useMutation } from '@tanstack/react-query';
import { fetchRejectionsCsv } from '../utils/imports-api';
import { saveBlob } from '../../../ui/export-download';

/** Fetches an import's rejections as CSV (with the session's token) and saves the file. */
export function useDownloadRejections() {
  return useMutation<string, Error, number>({
    mutationFn: async (importId) => {
      const { blob, fileName } = await fetchRejectionsCsv(importId);
      saveBlob(blob, fileName);
      return fileName;
    },
  });
}
