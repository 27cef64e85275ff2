import { Controller, Get, Inject, Logger, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG } from '../../../config/config.tokens.js';
import type { AppConfig } from '../../../config/app-config.js';
import { Public } from '../public.decorator.js';
import { OidcDisabledException, OidcSignInRefused } from './oidc.exception.js';
import { OidcService } from './oidc.service.js';
import { PENDING_LOGIN_TTL_MS } from './pending-logins.js';

/** Ties a started sign-in to the browser that started it (against login CSRF). */
const BINDING_COOKIE = 'caseload_oidc';
const SOMETHING_WENT_WRONG = 'Something went wrong while signing in. Try again.';

/**
 * The browser's side of single sign-on: both routes answer with redirects, to the provider or
 * back to the web app's login page, never with a page or a JSON body the person would see.
 */
@Controller('auth/oidc')
export class OidcController {
  private readonly logger = new Logger(OidcController.name);

  constructor(
    private readonly oidc: OidcService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('login')
  async login(@Res() response: Response): Promise<void> {
    this.assertEnabled();
    noStore(response);
    try {
      const started = await this.oidc.start();
      response.cookie(BINDING_COOKIE, started.binding, { ...this.cookieOptions(), maxAge: PENDING_LOGIN_TTL_MS });
      response.redirect(302, started.authorizationUrl);
    } catch (error) {
      response.redirect(302, this.oidc.landing({ sso_error: this.messageOf(error) }));
    }
  }

  @Public()
  @Get('callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    this.assertEnabled();
    noStore(response);
    response.clearCookie(BINDING_COOKIE, this.cookieOptions());
    // The raw query string, so the code exchange sees the parameters exactly as the provider sent them.
    const query = new URLSearchParams(request.originalUrl.split('?')[1] ?? '');
    const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    try {
      const token = await this.oidc.finish(query, cookieValue(request, BINDING_COOKIE), address);
      // In the fragment: the browser keeps it to itself, so no server or proxy log ever sees it.
      response.redirect(302, this.oidc.landing({ sso: token }));
    } catch (error) {
      response.redirect(302, this.oidc.landing({ sso_error: this.messageOf(error) }));
    }
  }

  private assertEnabled(): void {
    if (this.config.oidc === null) throw new OidcDisabledException();
  }

  private messageOf(error: unknown): string {
    if (error instanceof OidcSignInRefused) return error.message;
    this.logger.error(`single sign-on failed: ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : 'unknown error'}`);
    return SOMETHING_WENT_WRONG;
  }

  private cookieOptions() {
    const callback = new URL(this.config.oidc!.redirectUri);
    return {
      httpOnly: true,
      // Lax: sent on the provider's top-level redirect back to the callback, not on cross-site subrequests.
      sameSite: 'lax' as const,
      secure: callback.protocol === 'https:',
      path: callback.pathname.replace(/\/callback$/, ''),
    };
  }
}

function noStore(response: Response): void {
  response.setHeader('Cache-Control', 'no-store');
}

function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
