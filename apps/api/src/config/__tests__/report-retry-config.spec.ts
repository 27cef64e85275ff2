import { ConfigError, loadConfig } from '../app-config.js';

describe('CASELOAD_REPORT_RETRY_DELAYS', () => {
  it('defaults to two retries, after 30 s and 2 min', () => {
    expect(loadConfig({}).reportRetryDelaysMs).toEqual([30_000, 120_000]);
  });

  it('reads waits in milliseconds, or none', () => {
    expect(loadConfig({ CASELOAD_REPORT_RETRY_DELAYS: '100, 2000,5000' }).reportRetryDelaysMs).toEqual([100, 2000, 5000]);
    expect(loadConfig({ CASELOAD_REPORT_RETRY_DELAYS: 'none' }).reportRetryDelaysMs).toEqual([]);
  });

  it('stops the start with a message that names it', () => {
    for (const raw of ['soon', '-5', '1,,2', '1.5']) {
      expect(() => loadConfig({ CASELOAD_REPORT_RETRY_DELAYS: raw })).toThrow(ConfigError);
      expect(() => loadConfig({ CASELOAD_REPORT_RETRY_DELAYS: raw })).toThrow(/CASELOAD_REPORT_RETRY_DELAYS/);
    }
  });
});
