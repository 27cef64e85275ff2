import type { SavedReport } from '@caseload/contracts';
import { ApiError } from '../../../../api/api-error';
import { DEFAULT_SAVE_FORM, reportErrorsFrom, reportInputOf, saveFormOf, scheduleOf } from '../report-form';
import { DEFAULT_BUILDER } from '../report-query';

describe('reportInputOf', () => {
  it('joins the builder’s question and the form’s delivery', () => {
    const form = { ...DEFAULT_SAVE_FORM, name: '  Monthly volume ', format: 'xlsx' as const, suppress: false, schedule: 'weekly' as const, webhookUrl: ' https://hooks.example.org/x ' };
    expect(reportInputOf(DEFAULT_BUILDER, form, 'analyst')).toEqual({
      name: 'Monthly volume',
      query: { measures: 'lines', groupBy: 'department' },
      range: { preset: 'last_month' },
      format: 'xlsx',
      suppress: false,
      schedule: { frequency: 'weekly', cron: '' },
      writeFile: true,
      webhookUrl: 'https://hooks.example.org/x',
    });
  });

  it('keeps suppression on for viewers and for an unknown role', () => {
    const form = { ...DEFAULT_SAVE_FORM, name: 'x', suppress: false };
    expect(reportInputOf(DEFAULT_BUILDER, form, 'viewer').suppress).toBe(true);
    expect(reportInputOf(DEFAULT_BUILDER, form, undefined).suppress).toBe(true);
  });

  it('sends a custom cron as written, trimmed, and no schedule for none', () => {
    expect(scheduleOf({ schedule: 'custom', cron: ' 30 7 * * 1-5 ' })).toEqual({ frequency: 'cron', cron: '30 7 * * 1-5' });
    expect(scheduleOf({ schedule: 'none', cron: '30 7 * * 1-5' })).toBeNull();
  });
});

describe('saveFormOf', () => {
  it('reads a saved report back into the form', () => {
    const report = {
      id: 4,
      name: 'Denials',
      query: { measures: 'denial_rate' },
      range: { preset: 'last_quarter' },
      format: 'pdf',
      suppress: true,
      schedule: { frequency: 'cron', cron: '0 8 * * 2' },
      writeFile: false,
      webhookUrl: 'https://hooks.example.org/d',
      owner: 'a@example.test',
      createdAt: '',
      updatedAt: '',
      nextRunAt: null,
      lastRun: null,
    } satisfies SavedReport;
    expect(saveFormOf(report)).toEqual({ name: 'Denials', format: 'pdf', suppress: true, schedule: 'custom', cron: '0 8 * * 2', writeFile: false, webhookUrl: 'https://hooks.example.org/d' });
  });
});

describe('reportErrorsFrom', () => {
  it('puts each message beside the field it names', () => {
    expect(reportErrorsFrom(new ApiError(400, 'schedule.cron: "every day" is not a cron expression that runs: bad'))).toEqual({
      fields: { cron: '"every day" is not a cron expression that runs: bad' },
      form: null,
    });
    expect(reportErrorsFrom(new ApiError(400, 'query: measures: "x" is not a measure'))).toEqual({ fields: { query: 'Measures: "x" is not a measure' }, form: null });
    expect(reportErrorsFrom(new ApiError(400, 'query.department: must be a list'))).toEqual({ fields: { query: 'Department: must be a list' }, form: null });
    expect(reportErrorsFrom(new ApiError(400, 'range.from: (2026-02-01) is after range.to (2026-01-01)'))).toEqual({ fields: { range: '(2026-02-01) is after range.to (2026-01-01)' }, form: null });
    expect(reportErrorsFrom(new ApiError(400, 'webhookUrl: must start with http:// or https://'))).toEqual({ fields: { webhookUrl: 'Must start with http:// or https://' }, form: null });
  });

  it('keeps for the form what names no field', () => {
    expect(reportErrorsFrom(new ApiError(404, 'There is no report 9 of yours.'))).toEqual({ fields: {}, form: 'There is no report 9 of yours.' });
    expect(reportErrorsFrom(new ApiError(0, 'Cannot reach the Caseload server.'))).toEqual({ fields: {}, form: 'Cannot reach the Caseload server.' });
    expect(reportErrorsFrom(new Error('boom'))).toEqual({ fields: {}, form: 'Something went wrong. Try again.' });
  });
});
