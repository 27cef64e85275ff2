import { ApiError, messageFromErrorBody } from '../../../api/api-error';
import { clearToken, getToken } from '../../auth/utils/token-store';
import { IMPORTS_PATH, parseJson } from './imports-api';

export interface UploadOptions {
  /** Bytes of the request body sent so far, and its size. */
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Sends a CSV to the imports API as the multipart field `file`, with the session's bearer
 * token, and resolves with the import's id once the server has checked the header (202).
 * XMLHttpRequest rather than fetch: only it reports the upload's progress. Failures become
 * ApiErrors with a message a person can act on; an abort rejects with an AbortError.
 */
export function uploadCsv(file: File, { onProgress, signal }: UploadOptions = {}): Promise<{ id: number }> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    const token = getToken();
    const request = new XMLHttpRequest();
    request.open('POST', IMPORTS_PATH);
    request.setRequestHeader('Accept', 'application/json');
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);

    const abort = () => request.abort();
    signal?.addEventListener('abort', abort, { once: true });
    const settle = () => signal?.removeEventListener('abort', abort);

    request.upload.addEventListener('progress', (event) => {
      onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size);
    });
    request.addEventListener('load', () => {
      settle();
      const body = parseJson(request.responseText);
      if (request.status >= 200 && request.status < 300) {
        const id = typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : undefined;
        if (typeof id === 'number') resolve({ id });
        else reject(new ApiError(502, 'The server accepted the file but did not say which import it started. Reload the page to find it in the list.'));
        return;
      }
      if (request.status === 401 && token) clearToken('expired');
      reject(new ApiError(request.status, messageFromErrorBody(body, request.status)));
    });
    request.addEventListener('error', () => {
      settle();
      reject(new ApiError(0, 'The upload did not reach the Caseload server. Check your connection and try again.'));
    });
    request.addEventListener('abort', () => {
      settle();
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
    });

    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
