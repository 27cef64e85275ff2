import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginResponse } from '@caseload/contracts';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { InvalidCredentialsException, SignInLockedException, UnauthenticatedException } from './auth.exception.js';
import type { AuthUser } from './current-user.decorator.js';
import { LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { UsersRepository } from './users.repository.js';

interface TokenClaims {
  sub: number;
  ver: number;
}

// Compared against when the email is unknown, so a miss costs as long as a wrong password.
const DECOY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** CASELOAD_ADMIN_EMAIL / _PASSWORD create that admin, or reset its password and re-enable it. */
  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (adminEmail === null || adminPassword === null) return;
    const existing = await this.users.findByEmail(adminEmail);
    const passwordHash = await hashPassword(adminPassword);
    if (existing === null) {
      const created = await this.users.save({ email: adminEmail, passwordHash, role: 'admin', departments: [] });
      await this.audit.record({ action: 'user.create', actor: null, details: { userId: created.id, email: created.email, role: 'admin', departments: [], source: 'CASELOAD_ADMIN_EMAIL' } });
      this.logger.log('admin account created from CASELOAD_ADMIN_EMAIL');
    } else {
      await this.users.save({ ...existing, passwordHash, role: 'admin', disabled: false, tokenVersion: existing.tokenVersion + 1 });
      await this.audit.record({ action: 'user.password', actor: null, details: { userId: existing.id, email: existing.email, source: 'CASELOAD_ADMIN_EMAIL' } });
      this.logger.log('admin account reset from CASELOAD_ADMIN_EMAIL');
    }
  }

  /**
   * Checks the password unless the account or the address has failed too often lately;
   * every outcome is written to the audit log with the email tried and the address.
   */
  async login(email: string, password: string, address: string): Promise<LoginResponse> {
    const tried = email.trim().toLowerCase();
    const admission = await this.throttle.admit(tried, address);
    if (!admission.admitted) {
      await this.audit.record({
        action: 'login.locked',
        actor: tried,
        address,
        details: { limitedBy: admission.limitedBy, retryAfterSeconds: admission.retryAfterSeconds },
      });
      throw new SignInLockedException(admission.retryAfterSeconds);
    }
    const user = await this.users.findByEmail(tried);
    const matches = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
    if (user === null || !matches || user.disabled) {
      const reason = user === null ? 'unknown account' : !matches ? 'wrong password' : 'account disabled';
      await this.audit.record({ action: 'login.failure', actor: tried, address, details: { reason } });
      throw new InvalidCredentialsException();
    }
    await this.throttle.succeeded(tried, address);
    await this.audit.record({ action: 'login.success', actor: user.email, address, details: { userId: user.id, role: user.role } });
    const claims: TokenClaims = { sub: user.id, ver: user.tokenVersion };
    return {
      accessToken: await this.jwt.signAsync(claims),
      expiresIn: this.config.tokenTtlSeconds,
      user: { id: user.id, email: user.email, role: user.role, departments: user.departments },
    };
  }

  /** Checks the token and the user's current record: a disabled user is out at once. */
  async authenticate(token: string): Promise<AuthUser> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthenticatedException('The sign-in has expired or the token is not valid; sign in again.');
    }
    const user = await this.users.findById(claims.sub);
    if (user === null || user.disabled || user.tokenVersion !== claims.ver) {
      throw new UnauthenticatedException('This account can no longer sign in with that token; sign in again.');
    }
    return { id: user.id, email: user.email, role: user.role, departments: user.departments };
  }
}
