import type { ImportStatusResponse } from '@caseload/contracts';
import { describeUpload, importResult, uploadAnnouncement, type UploadState } from '../upload-view';

const FILE = { name: 'march.csv', size: 2_000_000 };
const EN = { locale: 'en-US' };

function status(overrides: Partial<ImportStatusResponse> = {}): ImportStatusResponse {
  return {
    id: 12,
    status: 'running',
    fileName: 'march.csv',
    progress: 0,
    rowsTotal: 0,
    rowsLoaded: 0,
    rowsRejected: 0,
    departmentsCreated: [],
    unknownColumns: [],
    error: null,
    createdAt: '2026-03-07T10:00:00.000Z',
    finishedAt: null,
    ...overrides,
  };
}

const accepted: UploadState = { phase: 'accepted', file: FILE, importId: 12 };

describe('describeUpload', () => {
  it('shows nothing to follow before a file is chosen, and the file and its size once one is', () => {
    expect(describeUpload({ phase: 'idle' }, undefined)).toEqual({ kind: 'idle' });
    expect(describeUpload({ phase: 'selected', file: FILE }, undefined, EN)).toEqual({ kind: 'selected', file: FILE, size: '2 MB' });
  });

  it('reports the upload as whole percents of the bytes sent, and lets it be cancelled', () => {
    const view = describeUpload({ phase: 'uploading', file: FILE, loaded: 912_345, total: 2_000_000 }, undefined, EN);
    expect(view).toEqual({
      kind: 'working',
      file: FILE,
      progress: { step: 'Step 1 of 2: Uploading', percent: 45, detail: '45% · 912 KB of 2 MB sent', cancellable: true },
    });
  });

  it('says the header is being checked once every byte is sent, and no longer offers to cancel', () => {
    const view = describeUpload({ phase: 'uploading', file: FILE, loaded: 2_000_000, total: 2_000_000 }, undefined, EN);
    expect(view.kind === 'working' && view.progress).toEqual({ step: 'Step 1 of 2: Uploading', percent: 100, detail: 'File sent; checking its header', cancellable: false });
  });

  it('starts the second step at zero until the server reports on the import', () => {
    const view = describeUpload(accepted, undefined, EN);
    expect(view.kind === 'working' && view.progress).toMatchObject({ step: 'Step 2 of 2: Loading rows', percent: 0, detail: 'Waiting for the server to start' });
    // The status of another import (a previous upload) is not this one's.
    expect(describeUpload(accepted, status({ id: 11, status: 'completed' }), EN).kind).toBe('working');
  });

  it('follows the server’s processing with its progress and counts so far', () => {
    expect(describeUpload(accepted, status({ status: 'queued' }), EN)).toMatchObject({ progress: { percent: 0, detail: 'Queued behind another import' } });
    const view = describeUpload(accepted, status({ progress: 0.6789, rowsLoaded: 1204, rowsRejected: 3 }), EN);
    expect(view.kind === 'working' && view.progress).toEqual({
      step: 'Step 2 of 2: Loading rows',
      percent: 67,
      detail: '67% · 1,204 lines loaded, 3 rejected',
      cancellable: false,
    });
  });

  it('keeps the percentage within 0..100 whatever the server sends', () => {
    expect(describeUpload(accepted, status({ progress: 1.5 }), EN)).toMatchObject({ progress: { percent: 100 } });
    expect(describeUpload(accepted, status({ progress: -0.2 }), EN)).toMatchObject({ progress: { percent: 0 } });
    expect(describeUpload(accepted, status({ progress: Number.NaN }), EN)).toMatchObject({ progress: { percent: 0 } });
  });

  it('ends with the loaded and rejected counts, and the import to open when rows were rejected', () => {
    const view = describeUpload(accepted, status({ status: 'completed', progress: 1, rowsTotal: 4, rowsLoaded: 3, rowsRejected: 1, departmentsCreated: ['ONC'] }), EN);
    expect(view).toEqual({
      kind: 'finished',
      file: FILE,
      result: { tone: 'warning', title: 'Loaded 3 lines, 1 rejected', details: ['New departments created: ONC.'], rejectionsOf: 12 },
    });
  });

  it('ends in success, with nothing to open, when no row was rejected', () => {
    const result = importResult(status({ status: 'completed', rowsTotal: 1, rowsLoaded: 1, unknownColumns: ['notes'] }), EN);
    expect(result).toEqual({ tone: 'success', title: 'Loaded 1 line, 0 rejected', details: ['Columns ignored (not part of the format): notes.'], rejectionsOf: null });
  });

  it('says so when a file had a header and no lines', () => {
    expect(importResult(status({ status: 'completed' }), EN).details).toEqual(['The file had a header but no lines.']);
  });

  it('ends with the server’s reason when the import failed', () => {
    const view = describeUpload(accepted, status({ status: 'failed', error: 'The import was interrupted (the server stopped); nothing from it was loaded. Import the file again.' }));
    expect(view).toEqual({
      kind: 'finished',
      file: FILE,
      result: {
        tone: 'error',
        title: 'The import failed',
        details: ['The import was interrupted (the server stopped); nothing from it was loaded. Import the file again.'],
        rejectionsOf: null,
      },
    });
  });

  it('shows the API’s refusal of the file, such as the missing column it names', () => {
    const message = 'The file lacks the required column service_date; nothing was imported.';
    expect(describeUpload({ phase: 'refused', file: FILE, message }, undefined)).toEqual({
      kind: 'finished',
      file: FILE,
      result: { tone: 'error', title: 'The file was not imported', details: [message], rejectionsOf: null },
    });
  });

  it('says a cancelled upload sent nothing to the import', () => {
    expect(describeUpload({ phase: 'cancelled', file: FILE }, undefined)).toMatchObject({ kind: 'finished', result: { tone: 'error', title: 'Upload cancelled' } });
  });

  it('says where to look when the progress of an accepted import cannot be read', () => {
    const view = describeUpload(accepted, undefined, { statusError: 'Cannot reach the Caseload server.' });
    expect(view).toMatchObject({
      kind: 'finished',
      result: { tone: 'error', details: ['Cannot reach the Caseload server.', 'The server took the file as import 12; the list of imports shows how it ends.'] },
    });
  });
});

describe('uploadAnnouncement', () => {
  it('announces the end of an upload in one sentence, and nothing while it runs', () => {
    const finished = describeUpload(accepted, status({ status: 'completed', rowsTotal: 4, rowsLoaded: 3, rowsRejected: 1 }), EN);
    expect(uploadAnnouncement(finished)).toBe('march.csv: Loaded 3 lines, 1 rejected.');
    expect(uploadAnnouncement(describeUpload(accepted, status(), EN))).toBe('');
    expect(uploadAnnouncement({ kind: 'idle' })).toBe('');
  });
});
