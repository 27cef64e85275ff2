import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { SideNav } from '../side-nav';

const renderAt = (path: string) =>
  render(
    <MemoryRouter initialEntries={[path]}>
      <SideNav />
    </MemoryRouter>,
  );

describe('the navigation between dashboard pages', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('carries the filters to the other filtered pages, and no further', () => {
    renderAt('/?range=year_to_date&department=CARD&grain=nope');
    expect(screen.getByRole('link', { name: 'Volume' })).toHaveAttribute('href', '/volume?range=year_to_date&department=CARD');
    expect(screen.getByRole('link', { name: 'Capacity' })).toHaveAttribute('href', '/capacity?range=year_to_date&department=CARD');
    expect(screen.getByRole('link', { name: 'Data' })).toHaveAttribute('href', '/data');
    expect(screen.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
  });

  it('links plainly from a page without filters', () => {
    renderAt('/data?range=year_to_date');
    expect(screen.getByRole('link', { name: 'Volume' })).toHaveAttribute('href', '/volume');
  });
});
