import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';

/** What the callback needs to finish a sign-in the login route started. */
export interface PendingLogin {
  codeVerifier: string;
  nonce: string;
  /** Also set as a cookie in the browser that started the sign-in, so no other browser can finish it. */
  binding: string;
}

/** Long enough to sign in at the provider (with a second factor), short enough to be useless later. */
export const PENDING_LOGIN_TTL_MS = 10 * 60_000;
/** The login route is public: a flood of started sign-ins must not grow memory without bound. */
const MAX_PENDING = 10_000;

/**
 * Sign-ins started and not yet finished, in this process's memory, keyed by their state.
 * Each can be taken once: a replayed or forged callback finds nothing.
 */
@Injectable()
export class PendingLogins {
  private readonly pending = new Map<string, PendingLogin & { until: number }>();

  put(state: string, login: PendingLogin): void {
    this.prune();
    // Oldest first (insertion order): when full, the longest-waiting sign-in gives way.
    while (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
    this.pending.set(state, { ...login, until: Date.now() + PENDING_LOGIN_TTL_MS });
  }

  /** The sign-in for `state` if it is still current and was started by the browser showing `binding`; gone either way. */
  take(state: string, binding: string | undefined): PendingLogin | null {
    const found = this.pending.get(state);
    if (found === undefined) return null;
    this.pending.delete(state);
    if (found.until <= Date.now() || binding === undefined || !sameText(found.binding, binding)) return null;
    return { codeVerifier: found.codeVerifier, nonce: found.nonce, binding: found.binding };
  }

  get size(): number {
    this.prune();
    return this.pending.size;
  }

  private prune(): void {
    const now = Date.now();
    for (const [state, login] of this.pending) {
      if (login.until > now) break; // insertion order is expiry order
      this.pending.delete(state);
    }
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
