import { PENDING_LOGIN_TTL_MS, PendingLogins } from '../pending-logins.js';

const LOGIN = { codeVerifier: 'verifier', nonce: 'nonce', binding: 'browser-binding' };

describe('PendingLogins', () => {
  afterEach(() => jest.useRealTimers());

  it('gives back a sign-in once, to the browser that started it', () => {
    const pending = new PendingLogins();
    pending.put('state-1', LOGIN);
    expect(pending.take('state-1', 'browser-binding')).toEqual(LOGIN);
    expect(pending.take('state-1', 'browser-binding')).toBeNull();
  });

  it('drops a sign-in a callback without the right binding asked for', () => {
    const pending = new PendingLogins();
    pending.put('state-1', LOGIN);
    pending.put('state-2', LOGIN);
    expect(pending.take('state-1', 'other-browser')).toBeNull();
    expect(pending.take('state-2', undefined)).toBeNull();
    expect(pending.take('state-1', 'browser-binding')).toBeNull();
    expect(pending.size).toBe(0);
  });

  it('knows no state it did not hand out', () => {
    expect(new PendingLogins().take('forged', 'browser-binding')).toBeNull();
  });

  it('forgets a sign-in once it has expired', () => {
    jest.useFakeTimers({ now: new Date('2025-01-01T00:00:00Z') });
    const pending = new PendingLogins();
    pending.put('state-1', LOGIN);
    pending.put('state-2', LOGIN);
    jest.setSystemTime(Date.now() + PENDING_LOGIN_TTL_MS - 1);
    expect(pending.take('state-1', 'browser-binding')).toEqual(LOGIN);
    jest.setSystemTime(Date.now() + 1);
    expect(pending.take('state-2', 'browser-binding')).toBeNull();
  });

  it('keeps at most ten thousand sign-ins, dropping the oldest first', () => {
    const pending = new PendingLogins();
    for (let i = 0; i <= 10_000; i++) pending.put(`state-${i}`, LOGIN);
    expect(pending.size).toBe(10_000);
    expect(pending.take('state-0', 'browser-binding')).toBeNull();
    expect(pending.take('state-10000', 'browser-binding')).toEqual(LOGIN);
  });
});
