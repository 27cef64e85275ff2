import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as client from 'openid-client';
import type { AuthOptionsResponse } from './auth-options.js';
import { APP_CONFIG } from '../../../config/config.tokens.js';
import type { AppConfig, OidcConfig } from '../../../config/app-config.js';
import { AuditService } from '../../audit/audit.service.js';
import type { UserEntity } from '../entities/user.entity.js';
import { DuplicateEmailError, UsersRepository } from '../users.repository.js';
import { mapClaims, type Claims, type MappedIdentity } from './claim-mapping.js';
import { OidcDisabledException, OidcSignInRefused } from './oidc.exception.js';
import { PendingLogins } from './pending-logins.js';

/** Stored for accounts made by single sign-on: matches no password (not the `scrypt$` form). */
const NO_PASSWORD = 'oidc$no-password';

const STALE_STATE = 'This sign-in link has expired or was not started in this browser. Start again.';
const PROVIDER_UNREACHABLE = 'The identity provider cannot be reached right now. Try again, or sign in with a password.';
const EXCHANGE_FAILED = 'The identity provider’s answer could not be checked. Start again.';

export interface StartedLogin {
  authorizationUrl: string;
  state: string;
  binding: string;
}

/**
 * Sign-in through the hospital's OpenID Connect provider: the authorization-code flow with
 * PKCE, state and nonce; the provider's claims decide the Caseload role and departments at
 * every sign-in, then the user gets the same access token a password sign-in gives.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  /** The provider's metadata, read once it is first needed (and again after a failure). */
  private discovered: Promise<client.Configuration> | null = null;

  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly pending: PendingLogins,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  options(): AuthOptionsResponse {
    const oidc = this.config.oidc;
    return { password: true, oidc: oidc === null ? { enabled: false, label: '' } : { enabled: true, label: oidc.label } };
  }

  /** Where the browser goes to land after a sign-in: the web app on the callback's origin. */
  landing(fragment: { sso: string } | { sso_error: string }): string {
    const url = new URL('/login', this.settings().redirectUri);
    url.hash = new URLSearchParams(fragment).toString();
    return url.href;
  }

  /** A new sign-in: the provider's authorization URL, with what the callback will need kept here. */
  async start(): Promise<StartedLogin> {
    const settings = this.settings();
    const configuration = await this.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const binding = randomBytes(32).toString('base64url');
    const authorizationUrl = client.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUri,
      response_type: 'code',
      scope: 'openid email',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    this.pending.put(state, { codeVerifier, nonce, binding });
    return { authorizationUrl: authorizationUrl.href, state, binding };
  }

  /**
   * Finishes the sign-in the provider sent back: `query` is the callback's query string,
   * `binding` the cookie of the browser that started it. Every outcome is audited.
   */
  async finish(query: URLSearchParams, binding: string | undefined, address: string): Promise<string> {
    try {
      const identity = await this.identify(query, binding);
      const user = await this.sync(identity);
      await this.audit.record({ action: 'login.success', actor: user.email, address, details: { userId: user.id, role: user.role, method: 'oidc' } });
      return await this.jwt.signAsync({ sub: user.id, ver: user.tokenVersion });
    } catch (error) {
      if (!(error instanceof OidcSignInRefused)) throw error;
      await this.audit.record({ action: 'login.failure', actor: error.email, address, details: { reason: error.reason, method: 'oidc' } });
      throw error;
    }
  }

  private async identify(query: URLSearchParams, binding: string | undefined): Promise<MappedIdentity> {
    const settings = this.settings();
    const state = query.get('state');
    const login = state === null ? null : this.pending.take(state, binding);
    if (login === null) throw new OidcSignInRefused('unknown or expired state', STALE_STATE);
    const providerError = query.get('error');
    if (providerError !== null) {
      const code = /^[\w.-]{1,64}$/.test(providerError) ? providerError : 'error';
      throw new OidcSignInRefused(`provider answered ${code}`, `The identity provider did not sign you in (${code}).`);
    }
    const configuration = await this.configuration();
    // The URL as the provider sent the browser to it, whatever a proxy in front made of it.
    const callback = new URL(settings.redirectUri);
    callback.search = query.toString();
    let claims: Claims;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: state!,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      // Groups and departments may come in the ID token or only from the userinfo endpoint. Both
      // are read, and a userinfo failure refuses the sign-in: a department list left unread
      // would otherwise widen the user to every department.
      const userinfo = configuration.serverMetadata().userinfo_endpoint === undefined ? {} : await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      claims = { ...userinfo, ...idClaims };
    } catch (error) {
      this.logger.warn(`single sign-on exchange failed: ${describe(error)}`);
      throw new OidcSignInRefused('code exchange or token check failed', EXCHANGE_FAILED);
    }
    const mapped = mapClaims(claims, settings);
    if (!mapped.ok) throw new OidcSignInRefused(mapped.reason, mapped.message, mapped.email);
    return mapped.identity;
  }

  /** The local account for the identity: created on first sign-in, role and departments kept as the provider says. */
  private async sync(identity: MappedIdentity): Promise<UserEntity> {
    for (let attempt = 0; ; attempt++) {
      const existing = await this.users.findByEmail(identity.email);
      if (existing?.disabled === true) {
        throw new OidcSignInRefused('account disabled', 'This Caseload account is disabled. Ask an administrator.', identity.email);
      }
      try {
        return existing === null ? await this.create(identity) : await this.update(existing, identity);
      } catch (error) {
        // Two first sign-ins at once: the other one created the account; update that.
        if (!(error instanceof DuplicateEmailError) || attempt > 0) throw error;
      }
    }
  }

  private async create(identity: MappedIdentity): Promise<UserEntity> {
    const user = await this.users.save({ ...identity, passwordHash: NO_PASSWORD });
    await this.audit.record({
      action: 'user.create',
      actor: null,
      details: { userId: user.id, email: user.email, role: user.role, departments: user.departments, source: 'oidc' },
    });
    return user;
  }

  private async update(user: UserEntity, identity: MappedIdentity): Promise<UserEntity> {
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (user.role !== identity.role) changes['role'] = { from: user.role, to: identity.role };
    if (user.departments.join('\n') !== identity.departments.join('\n')) changes['departments'] = { from: user.departments, to: identity.departments };
    if (Object.keys(changes).length === 0) return user;
    const saved = await this.users.save({ ...user, role: identity.role, departments: identity.departments });
    await this.audit.record({ action: 'user.update', actor: null, details: { userId: user.id, email: user.email, changes, source: 'oidc' } });
    return saved;
  }

  private settings(): OidcConfig {
    if (this.config.oidc === null) throw new OidcDisabledException();
    return this.config.oidc;
  }

  private configuration(): Promise<client.Configuration> {
    const settings = this.settings();
    this.discovered ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        settings.clientSecret === null ? client.None() : client.ClientSecretBasic(settings.clientSecret),
        { execute: settings.allowHttp ? [client.allowInsecureRequests] : [], timeout: 10 },
      )
      .catch((error: unknown) => {
        this.discovered = null;
        this.logger.warn(`identity provider discovery failed: ${describe(error)}`);
        throw new OidcSignInRefused('provider unreachable', PROVIDER_UNREACHABLE);
      });
    return this.discovered;
  }
}

/** An error for the log: its kind and message, never a request's parameters (codes, tokens). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'a value that is not an Error was thrown';
  const code = (error as { code?: unknown }).code;
  return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${error.message.slice(0, 300)}`;
}
