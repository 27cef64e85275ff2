import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';

export type Admission = { admitted: true } | { admitted: false; limitedBy: Array<'account' | 'address'>; retryAfterSeconds: number };

type Attempt = { ok: true } | { ok: false; msBeforeNext: number };

/**
 * Counts failed sign-ins per account (the normalised email) and per client address, in
 * this process's memory. An attempt takes its point before the password is checked, so a
 * burst of parallel guesses cannot all slip past the limit; a success gives it back.
 */
@Injectable()
export class LoginThrottle {
  private readonly byAccount: RateLimiterMemory;
  private readonly byAddress: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const duration = config.loginFailureWindowSeconds;
    this.byAccount = new RateLimiterMemory({ keyPrefix: 'login-account', points: config.loginFailuresPerAccount, duration });
    this.byAddress = new RateLimiterMemory({ keyPrefix: 'login-address', points: config.loginFailuresPerAddress, duration });
  }

  async admit(email: string, address: string): Promise<Admission> {
    const [account, client] = await Promise.all([attempt(this.byAccount, email), attempt(this.byAddress, address)]);
    if (account.ok && client.ok) return { admitted: true };
    // A refused attempt checks no password, so it costs the other allowance nothing.
    if (account.ok) await this.byAccount.reward(email);
    if (client.ok) await this.byAddress.reward(address);
    const refused = [
      { by: 'account' as const, result: account },
      { by: 'address' as const, result: client },
    ].flatMap(({ by, result }) => (result.ok ? [] : [{ by, wait: result.msBeforeNext }]));
    // Both limits may hold: the caller can only get in once both have passed.
    const wait = Math.max(...refused.map((r) => r.wait));
    return { admitted: false, limitedBy: refused.map((r) => r.by), retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
  }

  /** A correct password clears the account's failures; the address keeps its count (less this attempt). */
  async succeeded(email: string, address: string): Promise<void> {
    await Promise.all([this.byAccount.delete(email), this.byAddress.reward(address)]);
  }

  /** A new password set by an administrator starts the account afresh. */
  async forgetAccount(email: string): Promise<void> {
    await this.byAccount.delete(email.trim().toLowerCase());
  }
}

async function attempt(limiter: RateLimiterMemory, key: string): Promise<Attempt> {
  try {
    await limiter.consume(key);
    return { ok: true };
  } catch (refused) {
    if (refused instanceof RateLimiterRes) return { ok: false, msBeforeNext: refused.msBeforeNext };
    throw refused;
  }
}
