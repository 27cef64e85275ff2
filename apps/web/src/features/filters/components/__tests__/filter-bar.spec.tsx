import { fireEvent, screen, within } from '@testing-library/react';
import { FilterBar } from '../filter-bar';
import { fakeAggregate, renderWithRouter, setToday } from './render-with-router';

const departments = {
  rows: [
    { department: 'RAD', lines: 40 },
    { department: 'CARD', lines: 120 },
  ],
  totals: { lines: 160 },
  meta: { grain: 'month', from: '1990-01-01', to: '2026-11-27', rowCount: 2, suppressed: 0 },
};

const location = () => screen.getByTestId('location').textContent;

describe('FilterBar', () => {
  beforeEach(() => setToday('2026-11-27'));
  afterEach(() => jest.useRealTimers());

  it('shows the filters in the address', () => {
    fakeAggregate(() => ({ status: 200, body: departments }));
    renderWithRouter(<FilterBar />, '/?range=custom&from=2025-01-01&to=2025-06-30&grain=week&section=radiology');
    const bar = screen.getByRole('search', { name: 'Dashboard filters' });
    expect(within(bar).getByLabelText('Dates')).toHaveValue('custom');
    expect(within(bar).getByLabelText('From')).toHaveValue('2025-01-01');
    expect(within(bar).getByLabelText('To')).toHaveValue('2025-06-30');
    expect(within(bar).getByLabelText('By')).toHaveValue('week');
    expect(within(bar).getByRole('button', { name: 'Sections Radiology' })).toBeInTheDocument();
    expect(within(bar).getByRole('button', { name: 'Departments All' })).toBeInTheDocument();
  });

  it('asks for the departments the user may see, over all time', async () => {
    const { calls } = fakeAggregate(() => ({ status: 200, body: departments }));
    renderWithRouter(<FilterBar />);
    fireEvent.click(screen.getByRole('button', { name: 'Departments All' }));
    const list = screen.getByRole('group', { name: 'Departments' });
    expect(await within(list).findByRole('checkbox', { name: 'CARD' })).toBeInTheDocument();
    expect(within(list).getAllByRole('checkbox').map((box) => box.getAttribute('name') ?? box.parentElement?.textContent)).toEqual(['CARD', 'RAD']);
    expect(calls[0]?.url).toBe('/api/v1/aggregate?measures=lines&groupBy=department&from=1990-01-01&to=2026-11-27');
  });

  it('pushes a preset into the address, and custom dates start from the dates on show', () => {
    fakeAggregate(() => ({ status: 200, body: departments }));
    renderWithRouter(<FilterBar />);
    fireEvent.change(screen.getByLabelText('Dates'), { target: { value: 'year_to_date' } });
    expect(location()).toBe('/?range=year_to_date');

    fireEvent.change(screen.getByLabelText('Dates'), { target: { value: 'custom' } });
    expect(location()).toBe('/?range=custom&from=2026-01-01&to=2026-11-27');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-01' } });
    expect(location()).toBe('/?range=custom&from=2026-03-01&to=2026-11-27');
    // A start after the end is not applied.
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-12-01' } });
    expect(location()).toBe('/?range=custom&from=2026-03-01&to=2026-11-27');

    fireEvent.click(screen.getByRole('button', { name: 'History back' }));
    expect(location()).toBe('/?range=custom&from=2026-01-01&to=2026-11-27');
    fireEvent.click(screen.getByRole('button', { name: 'History back' }));
    expect(location()).toBe('/?range=year_to_date');
  });

  it('ticks several boxes as one step of history, and Escape returns to the button', async () => {
    fakeAggregate(() => ({ status: 200, body: departments }));
    renderWithRouter(<FilterBar />, '/?grain=quarter');
    const button = screen.getByRole('button', { name: 'Payers All' });
    fireEvent.click(button);
    const list = screen.getByRole('group', { name: 'Payers' });
    expect(within(list).getByRole('checkbox', { name: 'Medicare' })).toHaveFocus();

    fireEvent.click(within(list).getByRole('checkbox', { name: 'Commercial' }));
    fireEvent.click(within(list).getByRole('checkbox', { name: 'Medicare' }));
    expect(location()).toBe('/?grain=quarter&payer_category=medicare,commercial');
    expect(button).toHaveAccessibleName('Payers 2 selected');

    fireEvent.keyDown(within(list).getByRole('checkbox', { name: 'Medicare' }), { key: 'Escape' });
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');

    fireEvent.click(screen.getByRole('button', { name: 'History back' }));
    expect(location()).toBe('/?grain=quarter');
  });

  it('resets every filter, and offers no reset for the defaults', () => {
    fakeAggregate(() => ({ status: 200, body: departments }));
    renderWithRouter(<FilterBar />, '/?range=year_to_date&department=CARD&place_of_service=11');
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(location()).toBe('/');
    expect(screen.getByRole('button', { name: 'Reset' })).toBeDisabled();
    expect(screen.getByLabelText('Dates')).toHaveValue('last_12_months');
  });

  it('opens an edited link with its bad values dropped', () => {
    fakeAggregate(() => ({ status: 200, body: departments }));
    renderWithRouter(<FilterBar />, '/?range=forever&grain=hourly&section=nope');
    expect(screen.getByLabelText('Dates')).toHaveValue('last_12_months');
    expect(screen.getByLabelText('By')).toHaveValue('month');
    expect(screen.getByRole('button', { name: 'Sections All' })).toBeInTheDocument();
  });
});
