import { useNavigate } from 'react-router';
import { clearToken } from '../../auth/utils/token-store';
import { Brand } from '../../../ui/brand';

export function AppHeader() {
  const navigate = useNavigate();
  // No page to return to: the next person to sign in here starts on the Overview.
  const signOut = () => {
    clearToken('signed_out');
    navigate('/login', { replace: true, state: null });
  };
  return (
    <header className="app-header">
      <Brand />
      <button type="button" className="button button-quiet" onClick={signOut}>
        Sign out
      </button>
    </header>
  );
}
