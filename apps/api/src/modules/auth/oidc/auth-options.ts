/** `GET /auth/options`: how the login page may offer to sign in. */
export interface AuthOptionsResponse {
  password: true;
  oidc: { enabled: boolean; label: string };
}
