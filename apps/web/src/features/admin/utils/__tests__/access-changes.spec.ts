import { accessChanges } from '../access-changes';

const analyst = { role: 'analyst', departments: ['CARD', 'RAD'] } as const;

describe('accessChanges', () => {
  it('sends nothing when nothing changed, whatever the order of the codes', () => {
    expect(accessChanges({ ...analyst, departments: [...analyst.departments] }, 'analyst', ['RAD', 'CARD'])).toEqual({});
  });

  it('sends only the role when only the role changed', () => {
    expect(accessChanges({ ...analyst, departments: ['CARD', 'RAD'] }, 'viewer', ['CARD', 'RAD'])).toEqual({ role: 'viewer' });
  });

  it('sends the whole new list when the departments changed, empty for all departments', () => {
    expect(accessChanges({ ...analyst, departments: ['CARD', 'RAD'] }, 'analyst', ['CARD'])).toEqual({ departments: ['CARD'] });
    expect(accessChanges({ ...analyst, departments: ['CARD', 'RAD'] }, 'admin', [])).toEqual({ role: 'admin', departments: [] });
  });
});
