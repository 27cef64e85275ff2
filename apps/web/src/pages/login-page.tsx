import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LoginForm } from '../features/auth/components/login-form';
import { returnPathFrom } from '../features/auth/utils/return-path';
import { SsoButton } from '../features/auth/components/sso-button';
import { useAuthOptions } from '../features/auth/hooks/use-auth-options';
import { useAuthToken } from '../features/auth/hooks/use-auth-token';
import { useLogin } from '../features/auth/hooks/use-login';
import { useSsoReturn } from '../features/auth/hooks/use-sso-return';
import { getSignOutReason } from '../features/auth/utils/token-store';
import { Brand } from '../ui/brand';

export function LoginPage() {
  const token = useAuthToken();
  const location = useLocation();
  const { signIn, pending, error } = useLogin();
  const options = useAuthOptions();
  const sso = useSsoReturn();
  const [expired] = useState(() => getSignOutReason() === 'expired');

  // Signed in (now, or already in this tab): go where the user was heading.
  if (token) return <Navigate to={returnPathFrom(location.state)} replace />;

  const notice = sso.pending ? 'Signing you in…' : expired ? 'Your session has ended. Sign in again to carry on.' : null;
  return (
    <main className="login-page">
      <title>Sign in · Caseload</title>
      <div className="login-card card">
        <Brand large />
        <h1 className="login-title">Sign in</h1>
        <p className="login-lede">Procedure volume, capacity and reimbursement from your coded encounter records.</p>
        {options.oidc.enabled ? <SsoButton label={options.oidc.label} /> : null}
        <LoginForm
          onSubmit={(email, password) => void signIn(email, password)}
          pending={pending || sso.pending}
          error={error ?? sso.error}
          notice={notice}
        />
      </div>
    </main>
  );
}
