import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithRouter } from '../../../filters/components/__tests__/render-with-router';
import { rememberSessionUser } from '../../../auth/utils/session-user';
import { clearToken, setToken } from '../../../auth/utils/token-store';
import { ResourceModelCard } from '../resource-model-card';

interface Sent {
  url: string;
  method: string;
  contentType: string | undefined;
}

function fakeServer(answer: (url: string) => { status: number; body: unknown }) {
  const sent: Sent[] = [];
  Object.assign(globalThis, {
    fetch: jest.fn(async (url: string, init: { method: string; headers: Record<string, string> }) => {
      sent.push({ url, method: init.method, contentType: init.headers['Content-Type'] });
      const { status, body } = answer(url);
      return { ok: status < 300, status, text: async () => JSON.stringify(body), json: async () => body, blob: async () => new Blob([String(body)]) };
    }),
  });
  return sent;
}

function signInAs(role: 'admin' | 'viewer', departments: string[] = []) {
  rememberSessionUser(`token-${role}`, { id: 1, email: `${role}@example.test`, role, departments });
  setToken(`token-${role}`);
}

describe('ResourceModelCard', () => {
  afterEach(() => clearToken());

  it('lets an administrator replace a list from a CSV file, and lists the rows refused', async () => {
    signInAs('admin');
    const sent = fakeServer(() => ({
      status: 400,
      body: {
        statusCode: 400,
        code: 'CAPACITY_REJECTED',
        message: 'The inventories were not replaced: 2 rows are wrong.',
        errors: [
          { row: 3, column: 'count', reason: 'must be 0 or more' },
          { row: null, column: null, reason: 'the department column is missing' },
        ],
      },
    }));
    renderWithRouter(<ResourceModelCard />);
    const card = screen.getByRole('region', { name: 'Resource model' });
    const file = new File(['department,resource_type,count\n'], 'inventories.csv', { type: 'text/csv' });
    fireEvent.change(within(card).getByLabelText('Replace from CSV the inventories'), { target: { files: [file] } });

    const alert = await within(card).findByRole('alert');
    expect(alert).toHaveTextContent(/^The inventories were not replaced: 2 rows are wrong\.Row 3/);
    expect(within(alert).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Row 3, count: must be 0 or more', 'the department column is missing']);
    expect(sent).toEqual([{ url: '/api/v1/capacity/inventories/import', method: 'POST', contentType: 'text/csv' }]);
  });

  it('offers downloads only to a viewer', async () => {
    signInAs('viewer');
    const sent = fakeServer(() => ({ status: 200, body: 'key,name,kind\r\n' }));
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:x'), revokeObjectURL: jest.fn() });
    renderWithRouter(<ResourceModelCard />);
    const card = screen.getByRole('region', { name: 'Resource model' });
    expect(within(card).queryByLabelText(/^Replace from CSV/)).not.toBeInTheDocument();
    fireEvent.click(within(card).getByRole('button', { name: 'Download CSV of the resource types' }));
    await waitFor(() => expect(sent).toEqual([{ url: '/api/v1/capacity/resource-types?format=csv', method: 'GET', contentType: undefined }]));
  });
});
