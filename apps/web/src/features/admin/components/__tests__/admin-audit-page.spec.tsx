import type { AuditEntry } from '@caseload/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { AdminAuditPage } from '../../../../pages/admin-audit-page';
import { fakeApi, signInAs } from './fake-api';
import { renderPage } from './render-page';

const entry = (id: number, changes: Partial<AuditEntry> = {}): AuditEntry => ({
  id,
  at: '2026-03-04T15:06:07.000Z',
  action: 'login.success',
  actor: 'admin@example.test',
  address: '10.0.0.5',
  details: {},
  ...changes,
});

const renderAudit = (path = '/admin/audit') => renderPage(path, '/admin/audit', <AdminAuditPage />);
const location = () => screen.getByTestId('location').textContent;

describe('AdminAuditPage', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('refuses a user who is not an admin', () => {
    signInAs('analyst');
    const { fetchMock } = fakeApi({});
    renderAudit();
    expect(screen.getByRole('heading', { name: 'You do not have access to this page' })).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('asks with the filters in the address and shows them in the form', async () => {
    signInAs('admin');
    const { calls } = fakeApi({
      'GET /api/v1/audit': {
        status: 200,
        body: { entries: [entry(7, { action: 'user.create', details: { email: 'ana@example.test', role: 'analyst' } })], nextBefore: null },
      },
    });
    renderAudit('/admin/audit?action=user.create&actor=admin&from=2026-03-01&to=2026-03-31');

    const table = await screen.findByRole('table', { name: '1 entry' });
    expect(calls[0]?.url).toBe('/api/v1/audit?action=user.create&actor=admin&from=2026-03-01&to=2026-03-31&limit=50');
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText(/User created/)).toBeInTheDocument();
    expect(within(row).getByText('email: ana@example.test · role: analyst')).toBeInTheDocument();
    expect(within(row).getByRole('rowheader').querySelector('time')).toHaveAttribute('dateTime', '2026-03-04T15:06:07.000Z');
    expect(screen.getByLabelText('Action')).toHaveValue('user.create');
    expect(screen.getByLabelText('Actor')).toHaveValue('admin');
    expect(screen.getByLabelText('From')).toHaveValue('2026-03-01');
    expect(screen.getByLabelText('To')).toHaveValue('2026-03-31');
    expect(screen.getByText('No older entries.')).toBeInTheDocument();
  });

  it('puts applied filters in the address and asks again', async () => {
    signInAs('admin');
    const { calls } = fakeApi({ 'GET /api/v1/audit': { status: 200, body: { entries: [entry(1)], nextBefore: null } } });
    renderAudit();
    await screen.findByRole('table');

    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'login.failure' } });
    fireEvent.change(screen.getByLabelText('Actor'), { target: { value: '  bob ' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-02-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));

    expect(location()).toBe('/admin/audit?action=login.failure&actor=bob&from=2026-02-01');
    await screen.findByRole('button', { name: 'Clear' });
    expect(calls.at(-1)?.url).toBe('/api/v1/audit?action=login.failure&actor=bob&from=2026-02-01&limit=50');

    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(location()).toBe('/admin/audit');
    expect(screen.getByLabelText('Action')).toHaveValue('');
  });

  it('names a date range that ends before it starts instead of asking', async () => {
    signInAs('admin');
    const { calls } = fakeApi({ 'GET /api/v1/audit': { status: 200, body: { entries: [entry(1)], nextBefore: null } } });
    renderAudit();
    await screen.findByRole('table');

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-10' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));

    expect(screen.getByLabelText('From')).toHaveAccessibleDescription('The “From” date is after the “To” date.');
    expect(location()).toBe('/admin/audit');
    expect(calls).toHaveLength(1);
  });

  it('loads older entries with the cursor and adds them below', async () => {
    signInAs('admin');
    const { calls } = fakeApi({
      'GET /api/v1/audit': ({ url }) =>
        url.includes('before=5')
          ? { status: 200, body: { entries: [entry(4), entry(3)], nextBefore: null } }
          : { status: 200, body: { entries: [entry(6), entry(5)], nextBefore: 5 } },
    });
    renderAudit('/admin/audit?action=login.success');

    await screen.findByRole('table', { name: 'The latest 2 entries' });
    fireEvent.click(screen.getByRole('button', { name: 'Load older' }));

    expect(await screen.findByRole('table', { name: '4 entries' })).toBeInTheDocument();
    expect(calls.map((call) => call.url)).toEqual(['/api/v1/audit?action=login.success&limit=50', '/api/v1/audit?action=login.success&limit=50&before=5']);
    expect(screen.queryByRole('button', { name: 'Load older' })).not.toBeInTheDocument();
  });

  it('says when no entry matches, and offers to clear the filters', async () => {
    signInAs('admin');
    fakeApi({ 'GET /api/v1/audit': { status: 200, body: { entries: [], nextBefore: null } } });
    renderAudit('/admin/audit?actor=nobody');

    expect(await screen.findByRole('heading', { name: 'No audit entries match these filters' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(location()).toBe('/admin/audit');
  });

  it('offers a retry when the log cannot be loaded', async () => {
    signInAs('admin');
    let fail = true;
    fakeApi({ 'GET /api/v1/audit': () => (fail ? { status: 503, body: { statusCode: 503, message: 'The database is not reachable.' } } : { status: 200, body: { entries: [entry(1)], nextBefore: null } }) });
    renderAudit();

    expect(await screen.findByRole('alert')).toHaveTextContent('The audit log could not be loaded');
    expect(screen.getByRole('alert')).toHaveTextContent('The database is not reachable.');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: '1 entry' })).toBeInTheDocument();
  });
});
