import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { SideNav } from '../../../shell/components/side-nav';
import { clearToken } from '../../../auth/utils/token-store';
import { signInAs } from './fake-api';
import { act } from 'react';

const renderNav = () =>
  render(
    <MemoryRouter initialEntries={['/admin/users']}>
      <SideNav />
    </MemoryRouter>,
  );

describe('the Admin section of the navigation', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('shows Users and Audit log to an admin', () => {
    signInAs('admin');
    renderNav();
    const admin = screen.getByRole('list', { name: 'Admin' });
    expect(within(admin).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Users', '/admin/users'],
      ['Audit log', '/admin/audit'],
    ]);
    expect(within(admin).getByRole('link', { name: 'Users' })).toHaveAttribute('aria-current', 'page');
  });

  it('is not shown to an analyst or a viewer', () => {
    signInAs('viewer');
    renderNav();
    expect(screen.getByRole('link', { name: 'Overview' })).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Admin' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
  });

  it('goes away when the session ends', () => {
    signInAs('admin');
    renderNav();
    expect(screen.getByRole('list', { name: 'Admin' })).toBeInTheDocument();
    act(() => clearToken('expired'));
    expect(screen.queryByRole('list', { name: 'Admin' })).not.toBeInTheDocument();
  });
});
