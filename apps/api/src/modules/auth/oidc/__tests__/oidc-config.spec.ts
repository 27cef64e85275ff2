import { ConfigError, loadConfig } from '../../../../config/app-config.js';

const ON = {
  CASELOAD_OIDC_ISSUER: 'https://login.hospital.test/realms/main',
  CASELOAD_OIDC_CLIENT_ID: 'caseload',
  CASELOAD_OIDC_REDIRECT_URI: 'https://caseload.hospital.test/api/v1/auth/oidc/callback',
};

function errorFor(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('single sign-on configuration', () => {
  it('is off when none of issuer, client id and redirect URI is set', () => {
    expect(loadConfig({}).oidc).toBeNull();
    expect(loadConfig({ CASELOAD_OIDC_ROLE_MAP: 'a=admin' }).oidc).toBeNull();
  });

  it('is on with the defaults once all three are set', () => {
    expect(loadConfig(ON).oidc).toEqual({
      issuer: ON.CASELOAD_OIDC_ISSUER,
      clientId: 'caseload',
      clientSecret: null,
      redirectUri: ON.CASELOAD_OIDC_REDIRECT_URI,
      label: 'login.hospital.test',
      roleClaim: 'caseload_role',
      roleMap: null,
      departmentsClaim: 'caseload_departments',
      allowHttp: false,
    });
  });

  it('reads the role map, the claim names, the secret and the label', () => {
    const oidc = loadConfig({
      ...ON,
      CASELOAD_OIDC_CLIENT_SECRET: 's3cret',
      CASELOAD_OIDC_ROLE_MAP: 'caseload-admins=admin, caseload-analysts = analyst,app:caseload=viewer',
      CASELOAD_OIDC_ROLE_CLAIM: 'groups',
      CASELOAD_OIDC_DEPARTMENTS_CLAIM: 'https://hospital.test/departments',
      CASELOAD_OIDC_LABEL: 'Hospital ID',
    }).oidc!;
    expect([...oidc.roleMap!]).toEqual([
      ['caseload-admins', 'admin'],
      ['caseload-analysts', 'analyst'],
      ['app:caseload', 'viewer'],
    ]);
    expect(oidc).toMatchObject({ clientSecret: 's3cret', roleClaim: 'groups', departmentsClaim: 'https://hospital.test/departments', label: 'Hospital ID' });
  });

  it('names the missing variable when only part of the set is given', () => {
    expect(errorFor({ CASELOAD_OIDC_ISSUER: ON.CASELOAD_OIDC_ISSUER, CASELOAD_OIDC_CLIENT_ID: 'caseload' }).variable).toBe('CASELOAD_OIDC_REDIRECT_URI');
    expect(errorFor({ CASELOAD_OIDC_REDIRECT_URI: ON.CASELOAD_OIDC_REDIRECT_URI }).variable).toBe('CASELOAD_OIDC_ISSUER');
  });

  it('wants an https issuer unless CASELOAD_OIDC_ALLOW_HTTP=1', () => {
    const http = { ...ON, CASELOAD_OIDC_ISSUER: 'http://127.0.0.1:4000' };
    expect(errorFor(http)).toMatchObject({ variable: 'CASELOAD_OIDC_ISSUER', message: expect.stringMatching(/https/) });
    expect(loadConfig({ ...http, CASELOAD_OIDC_ALLOW_HTTP: '1' }).oidc).toMatchObject({ issuer: 'http://127.0.0.1:4000', allowHttp: true });
    expect(errorFor({ ...http, CASELOAD_OIDC_ALLOW_HTTP: 'yes' }).variable).toBe('CASELOAD_OIDC_ALLOW_HTTP');
  });

  it('refuses a redirect URI that is not this server’s callback', () => {
    expect(errorFor({ ...ON, CASELOAD_OIDC_REDIRECT_URI: 'https://caseload.hospital.test/callback' }).variable).toBe('CASELOAD_OIDC_REDIRECT_URI');
    expect(errorFor({ ...ON, CASELOAD_OIDC_REDIRECT_URI: 'caseload.hospital.test/api/v1/auth/oidc/callback' }).variable).toBe('CASELOAD_OIDC_REDIRECT_URI');
  });

  it('refuses a role map entry without a known role', () => {
    for (const map of ['caseload-admins=owner', 'caseload-admins', '=admin', 'a=admin,a=viewer']) {
      expect(errorFor({ ...ON, CASELOAD_OIDC_ROLE_MAP: map }).variable).toBe('CASELOAD_OIDC_ROLE_MAP');
    }
  });

  it('refuses a claim name with spaces or quotes', () => {
    expect(errorFor({ ...ON, CASELOAD_OIDC_ROLE_CLAIM: 'my role' }).variable).toBe('CASELOAD_OIDC_ROLE_CLAIM');
    expect(errorFor({ ...ON, CASELOAD_OIDC_DEPARTMENTS_CLAIM: '"x"' }).variable).toBe('CASELOAD_OIDC_DEPARTMENTS_CLAIM');
  });
});
