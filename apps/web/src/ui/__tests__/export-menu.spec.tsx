import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useRef } from 'react';
import type { AggregateQuery } from '../../api/aggregate';
import { setToken } from '../../features/auth/utils/token-store';
import { ExportMenu } from '../export-menu';

const query: AggregateQuery = { measures: ['lines'], groupBy: ['period', 'section'], grain: 'quarter', from: '2025-01-01', to: '2025-12-31', section: ['radiology'] };

interface Answer {
  status: number;
  text: string;
  headers?: Record<string, string>;
}

/** fetch that records each request and answers when the test says (`answer`), or at once. */
function fakeExportApi(immediate?: Answer) {
  const calls: Array<{ url: string; headers: Record<string, string> }> = [];
  let release: (answer: Answer) => void = () => undefined;
  Object.assign(globalThis, {
    fetch: jest.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({ url, headers: { ...(init.headers as Record<string, string>) } });
      const answer = immediate ?? (await new Promise<Answer>((resolve) => (release = resolve)));
      return {
        ok: answer.status >= 200 && answer.status < 300,
        status: answer.status,
        headers: new Headers(answer.headers ?? {}),
        text: async () => answer.text,
        blob: async () => new Blob([answer.text]),
      };
    }),
  });
  return { calls, answer: (answer: Answer) => act(() => release(answer)) };
}

function catchDownloads() {
  const saved: HTMLAnchorElement[] = [];
  Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:export'), revokeObjectURL: jest.fn() });
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this);
  });
  return { saved, restore: () => click.mockRestore() };
}

function ChartCard() {
  const chart = useRef<HTMLDivElement>(null);
  return (
    <section>
      <ExportMenu query={query} title="Volume by section" chart={chart} />
      <div ref={chart} />
    </section>
  );
}

/** A keyboard Enter on a button: the key, then the click the browser makes of it. */
function pressEnter(element: HTMLElement) {
  fireEvent.keyDown(element, { key: 'Enter' });
  fireEvent.click(element);
}

const menuButton = () => screen.getByRole('button', { name: /^(Export|Preparing…) Volume by section$/ });
const items = () => screen.getAllByRole('menuitem');

describe('ExportMenu', () => {
  beforeEach(() => {
    window.sessionStorage.clear();
    setToken('token-analyst');
  });

  it('is a closed menu button named after its card', () => {
    render(<ExportMenu query={query} title="Volume by section" />);
    const button = menuButton();
    expect(button).toHaveAccessibleName('Export Volume by section');
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('opens on Enter at its first item, moves with the arrow keys, and Escape closes it and returns focus', () => {
    render(<ExportMenu query={query} title="Volume by section" />);
    pressEnter(menuButton());
    const menu = screen.getByRole('menu', { name: 'Export Volume by section' });
    expect(menuButton()).toHaveAttribute('aria-expanded', 'true');
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['CSV.csv', 'Excel (XLSX).xlsx', 'PDF.pdf']);
    expect(items()[0]).toHaveFocus();

    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(items()[1]).toHaveFocus();
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(items()[0]).toHaveFocus();
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(items()[2]).toHaveFocus();
    fireEvent.keyDown(menu, { key: 'Home' });
    expect(items()[0]).toHaveFocus();
    fireEvent.keyDown(menu, { key: 'End' });
    expect(items()[2]).toHaveFocus();

    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(menuButton()).toHaveAttribute('aria-expanded', 'false');
    expect(menuButton()).toHaveFocus();
  });

  it('opens on ↑ at its last item, and closes on a click elsewhere or on Tab', () => {
    render(
      <>
        <ExportMenu query={query} title="Volume by section" />
        <p>elsewhere</p>
      </>,
    );
    fireEvent.keyDown(menuButton(), { key: 'ArrowUp' });
    expect(items()[2]).toHaveFocus();
    fireEvent.pointerDown(screen.getByText('elsewhere'));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();

    fireEvent.keyDown(menuButton(), { key: 'ArrowDown' });
    expect(items()[0]).toHaveFocus();
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Tab' });
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('offers a PNG only for a card with a chart', () => {
    render(<ChartCard />);
    fireEvent.click(menuButton());
    expect(items().map((item) => item.textContent)).toEqual(['CSV.csv', 'Excel (XLSX).xlsx', 'PDF.pdf', 'PNG image.png']);
  });

  it('downloads the card’s query as CSV with the token, saying so while it prepares the file', async () => {
    const api = fakeExportApi();
    const downloads = catchDownloads();
    render(<ExportMenu query={query} title="Volume by section" />);
    pressEnter(menuButton());
    pressEnter(items()[0] as HTMLElement);

    expect(api.calls).toEqual([
      {
        url: '/api/v1/export?measures=lines&groupBy=period,section&grain=quarter&from=2025-01-01&to=2025-12-31&section=radiology&format=csv',
        headers: { Accept: 'text/csv, application/json', Authorization: 'Bearer token-analyst' },
      },
    ]);
    expect(screen.getByText('Preparing the CSV file…')).toHaveAttribute('role', 'status');
    expect(menuButton()).toHaveTextContent('Preparing…');
    expect(menuButton()).toHaveAttribute('aria-busy', 'true');
    expect(menuButton()).toHaveFocus();

    await api.answer({ status: 200, text: 'period,section,lines\r\n', headers: { 'Content-Disposition': 'attachment; filename="caseload-lines-2025-01-01-2025-12-31.csv"' } });
    await waitFor(() => expect(downloads.saved).toHaveLength(1));
    expect(downloads.saved[0]).toMatchObject({ download: 'caseload-volume-by-section-2025-01-01-2025-12-31.csv', href: 'blob:export' });
    expect(await screen.findByText('Saved caseload-volume-by-section-2025-01-01-2025-12-31.csv.')).toHaveAttribute('role', 'status');
    expect(menuButton()).toHaveTextContent('Export');
    downloads.restore();
  });

  it('shows the server’s reason when it refuses, until dismissed', async () => {
    const api = fakeExportApi({ status: 400, text: JSON.stringify({ statusCode: 400, code: 'invalid_parameter', message: 'groupBy: provider is not allowed in exports' }) });
    const downloads = catchDownloads();
    render(<ExportMenu query={query} title="Volume by section" />);
    fireEvent.click(menuButton());
    fireEvent.click(screen.getByRole('menuitem', { name: /Excel/ }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The Excel (XLSX) export failed: groupBy: provider is not allowed in exports');
    expect(api.calls[0]?.url).toContain('&format=xlsx');
    expect(downloads.saved).toHaveLength(0);
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    downloads.restore();
  });

  it('says so when the chart is not drawn yet instead of saving an empty picture', async () => {
    const downloads = catchDownloads();
    render(<ChartCard />);
    fireEvent.click(menuButton());
    fireEvent.click(screen.getByRole('menuitem', { name: /PNG/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The PNG image export failed: There is no chart to save as an image yet.');
    expect(downloads.saved).toHaveLength(0);
    downloads.restore();
  });
});
