import type { UserSummary } from '@caseload/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AdminUsersPage } from '../../../../pages/admin-users-page';
import { fakeApi, signInAs, stubModalDialogs, type FakeCall } from './fake-api';
import { renderPage } from './render-page';

const ADMIN: UserSummary = { id: 1, email: 'admin@example.test', role: 'admin', departments: [], disabled: false, createdAt: '2026-01-02T09:00:00.000Z' };
const ANA: UserSummary = { id: 2, email: 'ana@example.test', role: 'analyst', departments: ['CARD'], disabled: false, createdAt: '2026-02-03T09:00:00.000Z' };

/** A users API over an in-memory list, so a change shows up when the list is read again. */
function usersApi(start: UserSummary[]) {
  let users = [...start];
  return fakeApi({
    'GET /api/v1/users': () => ({ status: 200, body: { users } }),
    'POST /api/v1/users': ({ body }) => {
      const request = body as { email: string; role: UserSummary['role']; departments: string[]; password: string };
      if (request.password.length < 12) return { status: 400, body: { statusCode: 400, code: 'INVALID_PARAMETER', message: 'password: must be at least 12 characters' } };
      const created: UserSummary = { id: 10, email: request.email, role: request.role, departments: request.departments, disabled: false, createdAt: '2026-03-01T09:00:00.000Z' };
      users = [...users, created];
      return { status: 201, body: created };
    },
    'PATCH /api/v1/users/2': ({ body }) => {
      users = users.map((user) => (user.id === 2 ? { ...user, ...(body as Partial<UserSummary>) } : user));
      return { status: 200, body: users.find((user) => user.id === 2) };
    },
    'POST /api/v1/users/2/password': ({ body }) =>
      (body as { password: string }).password.length < 12
        ? { status: 400, body: { statusCode: 400, message: 'password: must be at least 12 characters' } }
        : { status: 204 },
  });
}

const renderUsers = () => renderPage('/admin/users', '/admin/users', <AdminUsersPage />);
const gets = (calls: FakeCall[]) => calls.filter((call) => call.method === 'GET').length;
const rowOf = (email: string) => screen.getByRole('rowheader', { name: new RegExp(email) }).closest('tr') as HTMLElement;

describe('AdminUsersPage', () => {
  beforeAll(stubModalDialogs);
  beforeEach(() => window.sessionStorage.clear());

  it('refuses a signed-in user who is not an admin, without asking the API', () => {
    signInAs('viewer');
    const { fetchMock } = usersApi([ADMIN]);
    renderUsers();
    expect(screen.getByRole('heading', { name: 'You do not have access to this page' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('lists users with role, scope, status and creation date', async () => {
    signInAs('admin');
    usersApi([ADMIN, { ...ANA, departments: ['CARD', 'RAD'] }, { ...ANA, id: 3, email: 'old@example.test', role: 'viewer', departments: [], disabled: true }]);
    renderUsers();
    expect(screen.getByText('Loading users…')).toBeInTheDocument();

    const table = await screen.findByRole('table', { name: '3 users' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').slice(0, 4).map((cell) => cell.textContent))).toEqual([
      ['Admin', 'All departments', 'Active', 'Jan 2, 2026'],
      ['Analyst', 'CARD, RAD', 'Active', 'Feb 3, 2026'],
      ['Viewer', 'All departments', 'Disabled', 'Feb 3, 2026'],
    ]);
    // The signed-in admin is marked and cannot disable their own account here.
    expect(within(rowOf('admin@example.test')).getByText('(you)')).toBeInTheDocument();
    expect(within(rowOf('admin@example.test')).queryByRole('button', { name: /^Disable/ })).not.toBeInTheDocument();
    expect(within(rowOf('old@example.test')).getByRole('button', { name: 'Enable old@example.test' })).toBeInTheDocument();
  });

  it('offers a retry when the list cannot be loaded', async () => {
    signInAs('admin');
    let fail = true;
    fakeApi({ 'GET /api/v1/users': () => (fail ? { status: 500, body: { statusCode: 500, message: 'Something went wrong on the server; it has been logged. Try again.' } } : { status: 200, body: { users: [ADMIN] } }) });
    renderUsers();

    expect(await screen.findByRole('alert')).toHaveTextContent('The users could not be loaded');
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong on the server');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: '1 user' })).toBeInTheDocument();
  });

  it('adds a user, shows the API’s field error next to the field, and refreshes the list', async () => {
    signInAs('admin');
    const { calls } = usersApi([ADMIN]);
    renderUsers();
    await screen.findByRole('table', { name: '1 user' });

    const form = screen.getByRole('form', { name: 'Add user' });
    expect(within(form).getByLabelText('Initial password')).toHaveAccessibleDescription('At least 12 characters.');
    fireEvent.change(within(form).getByLabelText('Email'), { target: { value: ' new@example.test ' } });
    fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'analyst' } });
    fireEvent.change(within(form).getByLabelText('Departments'), { target: { value: 'CARD, RAD' } });
    fireEvent.change(within(form).getByLabelText('Initial password'), { target: { value: 'short' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add user' }));

    const password = within(form).getByLabelText('Initial password');
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription('Initial password must be at least 12 characters At least 12 characters.');
    expect(password).toHaveFocus();
    expect(within(form).getByLabelText('Email')).not.toHaveAttribute('aria-invalid');

    const before = gets(calls);
    fireEvent.change(password, { target: { value: 'a long enough password' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add user' }));

    expect(await screen.findByRole('table', { name: '2 users' })).toBeInTheDocument();
    expect(screen.getByText('new@example.test added.')).toHaveAttribute('role', 'status');
    expect(calls.filter((call) => call.method === 'POST').at(-1)?.body).toEqual({ email: 'new@example.test', password: 'a long enough password', role: 'analyst', departments: ['CARD', 'RAD'] });
    expect(gets(calls)).toBeGreaterThan(before);
    expect(within(form).getByLabelText('Email')).toHaveValue('');
    expect(within(rowOf('new@example.test')).getByText('CARD, RAD')).toBeInTheDocument();
  });

  it('asks before disabling a user, and disables only on confirmation', async () => {
    signInAs('admin');
    const { calls } = usersApi([ADMIN, ANA]);
    renderUsers();
    await screen.findByRole('table', { name: '2 users' });

    const disableButton = within(rowOf('ana@example.test')).getByRole('button', { name: 'Disable ana@example.test' });
    disableButton.focus();
    fireEvent.click(disableButton);
    let dialog = screen.getByRole('alertdialog', { name: 'Disable ana@example.test?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(disableButton).toHaveFocus();
    expect(calls.some((call) => call.method === 'PATCH')).toBe(false);

    fireEvent.click(disableButton);
    dialog = screen.getByRole('alertdialog', { name: 'Disable ana@example.test?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disable user' }));

    await waitFor(() => expect(within(rowOf('ana@example.test')).getByText('Disabled')).toBeInTheDocument());
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'PATCH')).toEqual([{ method: 'PATCH', url: '/api/v1/users/2', body: { disabled: true } }]);

    fireEvent.click(within(rowOf('ana@example.test')).getByRole('button', { name: 'Enable ana@example.test' }));
    await waitFor(() => expect(within(rowOf('ana@example.test')).getByText('Active')).toBeInTheDocument());
    expect(calls.filter((call) => call.method === 'PATCH').at(-1)?.body).toEqual({ disabled: false });
  });

  it('changes role and departments, sending only what changed', async () => {
    signInAs('admin');
    const { calls } = usersApi([ADMIN, ANA]);
    renderUsers();
    await screen.findByRole('table', { name: '2 users' });

    fireEvent.click(within(rowOf('ana@example.test')).getByRole('button', { name: 'Edit ana@example.test' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit access of ana@example.test' });
    expect(within(dialog).getByLabelText('Role')).toHaveValue('analyst');
    expect(within(dialog).getByLabelText('Departments')).toHaveValue('CARD');
    fireEvent.change(within(dialog).getByLabelText('Departments'), { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(within(rowOf('ana@example.test')).getByText('All departments')).toBeInTheDocument());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(calls.find((call) => call.method === 'PATCH')).toEqual({ method: 'PATCH', url: '/api/v1/users/2', body: { departments: [] } });
  });

  it('resets a password in a dialog that shows the rule and the API’s refusal', async () => {
    signInAs('admin');
    const { calls } = usersApi([ADMIN, ANA]);
    renderUsers();
    await screen.findByRole('table', { name: '2 users' });

    fireEvent.click(within(rowOf('ana@example.test')).getByRole('button', { name: 'Reset password ana@example.test' }));
    const dialog = screen.getByRole('dialog', { name: 'Reset the password of ana@example.test' });
    const input = within(dialog).getByLabelText('New password');
    fireEvent.change(input, { target: { value: 'tiny' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Set password' }));
    expect(await within(dialog).findByText('New password must be at least 12 characters')).toBeInTheDocument();

    fireEvent.change(input, { target: { value: 'a brand new passphrase' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText('Password of ana@example.test reset.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(calls.filter((call) => call.url === '/api/v1/users/2/password').map((call) => call.body)).toEqual([{ password: 'tiny' }, { password: 'a brand new passphrase' }]);
  });
});
