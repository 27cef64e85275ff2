import { SSO_LOGIN_PATH } from '../utils/sso';

/** A plain link: the server answers with a redirect to the identity provider. */
export function SsoButton({ label }: { label: string }) {
  return (
    <a className="button button-quiet button-block" href={SSO_LOGIN_PATH}>
      Sign in with {label}
    </a>
  );
}
