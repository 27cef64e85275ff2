import { useMutation } from '@tanstack/react-query';
import { fetchRejectionsCsv } from '../utils/imports-api';
import { saveFile } from '../utils/save-file';

/** Fetches an import's rejections as CSV (with the session's token) and saves the file. */
export function useDownloadRejections() {
  return useMutation<string, Error, number>({
    mutationFn: async (importId) => {
      const { blob, fileName } = await fetchRejectionsCsv(importId);
      saveFile(blob, fileName);
      return fileName;
    },
  });
}
