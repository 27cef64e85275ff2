import { cronInWords, deliveryInWords, formatBytes, formatDateTime, queryInWords, rangeInWords, runStatusInWords, scheduleInWords } from '../report-words';

describe('scheduleInWords', () => {
  it('says the three presets as people do', () => {
    expect(scheduleInWords({ frequency: 'daily', cron: '0 6 * * *' })).toBe('Every day at 06:00');
    expect(scheduleInWords({ frequency: 'weekly', cron: '0 6 * * 1' })).toBe('Every Monday at 06:00');
    expect(scheduleInWords({ frequency: 'monthly', cron: '0 6 1 * *' })).toBe('On the 1st of every month at 06:00');
  });

  it('reads common cron shapes and quotes the rest', () => {
    expect(cronInWords('30 7 * * 1-5')).toBe('Weekdays at 07:30');
    expect(cronInWords('5 18 * * 0')).toBe('Every Sunday at 18:05');
    expect(cronInWords('0 9 22 * *')).toBe('On the 22nd of every month at 09:00');
    expect(cronInWords('0 9 11 * *')).toBe('On the 11th of every month at 09:00');
    expect(cronInWords('*/15 * * * *')).toBe('On the schedule “*/15 * * * *”');
  });

  it('says a report without a schedule runs by hand', () => {
    expect(scheduleInWords(null)).toBe('Only when run by hand');
  });
});

describe('rangeInWords', () => {
  it('names the presets and writes fixed dates', () => {
    expect(rangeInWords({ preset: 'last_quarter' })).toBe('Last quarter');
    expect(rangeInWords({ preset: 'previous_year' })).toBe('Previous year');
    expect(rangeInWords({ preset: 'fixed', from: '2026-01-01', to: '2026-03-31' })).toBe('Jan 2026 – Mar 2026');
    expect(rangeInWords({ preset: 'fixed', from: '2026-01-05', to: '2026-01-20' })).toBe('5 Jan 2026 – 20 Jan 2026');
  });
});

describe('queryInWords', () => {
  it('says what a report exports, with its grain and filters', () => {
    expect(queryInWords({ measures: 'lines,charges,wrvu', groupBy: 'department,period', grain: 'quarter', section: 'radiology', payer_category: 'self_pay,medicare' })).toBe(
      'Procedure lines, charges and work RVUs by department and quarter; Section: Radiology; Payer: Self-pay, Medicare',
    );
    expect(queryInWords({ measures: 'patients' })).toBe('Patients, in total');
  });
});

describe('the runs in words', () => {
  it('never leaves the status to a colour', () => {
    expect(runStatusInWords({ status: 'running', attempts: 0 })).toBe('Running');
    expect(runStatusInWords({ status: 'running', attempts: 1 })).toBe('Running (try 2)');
    expect(runStatusInWords({ status: 'failed', attempts: 3 })).toBe('Failed');
  });

  it('writes times, sizes and where files go', () => {
    expect(formatDateTime('2026-12-01T11:00:00.000Z', 'UTC')).toBe('Tue 1 Dec 2026, 11:00');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(12_345)).toBe('12.3 kB');
    expect(formatBytes(null)).toBe('—');
    expect(deliveryInWords({ writeFile: true, webhookUrl: 'https://hooks.example.org/caseload?t=1' })).toBe('To the reports folder and the webhook at hooks.example.org');
    expect(deliveryInWords({ writeFile: false, webhookUrl: null })).toBe('Nowhere: runs keep no file and send none');
  });
});
