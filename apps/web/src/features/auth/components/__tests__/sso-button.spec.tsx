import { render, screen } from '@testing-library/react';
import { SsoButton } from '../sso-button';

describe('SsoButton', () => {
  it('links to the server route that starts single sign-on, named after the provider', () => {
    render(<SsoButton label="Hospital ID" />);
    expect(screen.getByRole('link', { name: 'Sign in with Hospital ID' })).toHaveAttribute('href', '/api/v1/auth/oidc/login');
  });
});
