import type { TestApp } from '../support/test-app.js';
import { SCENARIO_DATES, WHOLE, aggregate, column, startScenarioApp } from './scenario.js';

// Expected numbers: hand-worked from ../fixtures/aggregate/README.md (lines L1 … L44).
describe('aggregate filters, group-bys, order, limit and comparisons', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startScenarioApp();
  });
  afterAll(() => t.close());

  describe('filters', () => {
    it('filters by one department and by a list of departments', async () => {
      expect((await aggregate(t, `measures=lines,charges&department=LAB&${WHOLE}`)).totals).toEqual({ lines: 10, charges: 319.98 });
      // CARD 14 + ORTH 7; 1,400.00 + 50,710.00
      expect((await aggregate(t, `measures=lines,charges&department=CARD,ORTH&${WHOLE}`)).totals).toEqual({ lines: 21, charges: 52110 });
    });

    it('filters by one code and by a list of codes, upper-casing what it is given', async () => {
      expect((await aggregate(t, `measures=lines,charges&code=85025&${WHOLE}`)).totals).toEqual({ lines: 6, charges: 199.98 }); // 6 × 33.33
      // 71046 ×5 (120 each) + 74177 ×3 (900 each)
      expect((await aggregate(t, `measures=lines,charges&code=71046,74177&${WHOLE}`)).totals).toEqual({ lines: 8, charges: 3300 });
      // L11 3 units + L21 1 + L31 2; 0.10 + 0.20 + 0.20
      expect((await aggregate(t, `measures=lines,units,charges&code=j1100&${WHOLE}`)).totals).toEqual({ lines: 3, units: 6, charges: 0.5 });
    });

    it('filters by section, whatever the department', async () => {
      // radiology = 71046 ×5 + 74177 ×3 (RAD) + 73560 ×2 (ORTH: L28, L34)
      const radiology = await aggregate(t, `measures=lines&groupBy=department&section=radiology&${WHOLE}`);
      expect(radiology.rows).toEqual([
        { department: 'ORTH', lines: 2 },
        { department: 'RAD', lines: 8 },
      ]);
      expect(radiology.totals).toEqual({ lines: 10 });
      // em 12 (99213 ×6, 99214 ×5, 99223 ×1) + hcpcs_ii 3 (J1100)
      expect((await aggregate(t, `measures=lines&section=em,hcpcs_ii&${WHOLE}`)).totals).toEqual({ lines: 15 });
      expect((await aggregate(t, `measures=lines,denial_rate&section=anesthesia&${WHOLE}`)).totals).toEqual({ lines: 0, denial_rate: null });
    });

    it('filters by payer category', async () => {
      expect((await aggregate(t, `measures=lines&payer_category=self_pay&${WHOLE}`)).totals).toEqual({ lines: 5 }); // L12 L19 L29 L33 L34
      expect((await aggregate(t, `measures=lines&payer_category=medicaid,other&${WHOLE}`)).totals).toEqual({ lines: 11 }); // 7 + 4
    });

    it('filters by place of service written with two digits', async () => {
      // 02: L17, L30 (CARD telehealth, 100.00 each)
      expect((await aggregate(t, `measures=lines,charges&place_of_service=02&${WHOLE}`)).totals).toEqual({ lines: 2, charges: 200 });
      expect((await aggregate(t, `measures=lines&place_of_service=21,81&${WHOLE}`)).totals).toEqual({ lines: 13 }); // 3 + 10
    });

    it('combines filters as AND and the values of one filter as OR', async () => {
      // RAD medicaid: L10 900 + L11 0.10 + L20 900 + L21 0.20 + L31 0.20 + L38 900; RAD commercial: L9 L16 L25, 120 each
      const rad = await aggregate(t, `measures=lines,charges&department=RAD&payer_category=medicaid,commercial&${WHOLE}`);
      expect(rad.totals).toEqual({ lines: 9, charges: 3060.5 });
      // radiology at POS 11: only ORTH's 73560 lines L28 and L34, 80.00 each
      const office = await aggregate(t, `measures=lines,charges&groupBy=department&section=radiology&place_of_service=11&${WHOLE}`);
      expect(office.rows).toEqual([{ department: 'ORTH', lines: 2, charges: 160 }]);
      // CARD telehealth 99213: L17, L30
      expect((await aggregate(t, `measures=lines&department=CARD&place_of_service=02&code=99213&${WHOLE}`)).totals).toEqual({ lines: 2 });
      expect((await aggregate(t, `measures=lines&department=LAB&place_of_service=02&${WHOLE}`)).totals).toEqual({ lines: 0 });
    });

    it('answers no rows and zero totals for values that match nothing', async () => {
      const answer = await aggregate(t, `measures=lines,charges,denial_rate&groupBy=department&department=NOPE&${WHOLE}`);
      expect(answer.rows).toEqual([]);
      expect(answer.totals).toEqual({ lines: 0, charges: 0, denial_rate: null });
      expect(answer.meta.rowCount).toBe(0);
      expect((await aggregate(t, `measures=lines&code=99999&${WHOLE}`)).totals).toEqual({ lines: 0 });
    });
  });

  describe('group-bys', () => {
    it('groups by code, labelled with the code', async () => {
      const answer = await aggregate(t, `measures=lines&groupBy=code&${WHOLE}`);
      expect(Object.fromEntries(answer.rows.map((row) => [row['code'], row['lines']]))).toEqual({
        '27447': 2,
        '71046': 5,
        '73560': 2,
        '74177': 3,
        '80053': 4,
        '85025': 6,
        '93000': 5,
        '96413': 2,
        '99213': 6,
        '99214': 5,
        '99223': 1,
        J1100: 3,
      });
      expect(answer.meta.rowCount).toBe(12);
    });

    it('groups by section, labelled with the section id', async () => {
      const answer = await aggregate(t, `measures=lines&groupBy=section&${WHOLE}`);
      expect(answer.rows).toEqual([
        { section: 'em', lines: 12 },
        { section: 'hcpcs_ii', lines: 3 },
        { section: 'medicine', lines: 7 }, // 93000 ×5 + 96413 ×2
        { section: 'pathology_lab', lines: 10 }, // 80053 ×4 + 85025 ×6
        { section: 'radiology', lines: 10 },
        { section: 'surgery', lines: 2 },
      ]);
    });

    it('groups by payer category', async () => {
      const answer = await aggregate(t, `measures=lines&groupBy=payer_category&${WHOLE}`);
      expect(answer.rows).toEqual([
        { payer_category: 'commercial', lines: 10 },
        { payer_category: 'medicaid', lines: 7 },
        { payer_category: 'medicare', lines: 18 },
        { payer_category: 'other', lines: 4 },
        { payer_category: 'self_pay', lines: 5 },
      ]);
    });

    it('groups by place of service, labelled as two-digit strings', async () => {
      const answer = await aggregate(t, `measures=lines&groupBy=place_of_service&${WHOLE}`);
      expect(answer.rows).toEqual([
        { place_of_service: '02', lines: 2 },
        { place_of_service: '11', lines: 16 },
        { place_of_service: '21', lines: 3 },
        { place_of_service: '22', lines: 13 },
        { place_of_service: '81', lines: 10 },
      ]);
    });

    it('groups by provider NPI, with null for the lines without one', async () => {
      const answer = await aggregate(t, `measures=lines,encounters&groupBy=provider&${WHOLE}`);
      expect(answer.rows).toEqual([
        { provider: '1111111112', lines: 7, encounters: 5 }, // ORTH
        { provider: '1234567893', lines: 14, encounters: 12 }, // CARD
        { provider: '1987654328', lines: 8, encounters: 6 }, // RAD: E11 E12 E20 E24 E35 E39
        // L3 L4 L5 L12 L16 L18 L22 L24 L29 L31 L32 L35 L39 L40 L44; E36 has two of them → 14 encounters
        { provider: null, lines: 15, encounters: 14 },
      ]);
    });

    it('groups by two dimensions', async () => {
      const answer = await aggregate(t, `measures=lines&groupBy=department,payer_category&department=RAD&${WHOLE}`);
      expect(answer.rows).toEqual([
        { department: 'RAD', payer_category: 'commercial', lines: 3 }, // L9 L16 L25
        { department: 'RAD', payer_category: 'medicaid', lines: 6 }, // L10 L11 L20 L21 L31 L38
        { department: 'RAD', payer_category: 'medicare', lines: 2 }, // L3 L43
      ]);
    });
  });

  describe('order and limit', () => {
    it('orders descending with -, cuts at limit, and keeps totals over every matched row', async () => {
      const answer = await aggregate(t, `measures=lines,charges&groupBy=department&orderBy=-lines&limit=2&${WHOLE}`);
      expect(answer.rows).toEqual([
        { department: 'CARD', lines: 14, charges: 1400 },
        { department: 'RAD', lines: 11, charges: 3300.5 },
      ]);
      expect(answer.totals).toEqual({ lines: 44, charges: 56530.48 });
      expect(answer.meta.rowCount).toBe(2);
    });

    it('orders ascending without -', async () => {
      const answer = await aggregate(t, `measures=lines,charges&groupBy=department&orderBy=lines&limit=2&${WHOLE}`);
      expect(answer.rows).toEqual([
        { department: 'ONC', lines: 2, charges: 800 },
        { department: 'ORTH', lines: 7, charges: 50710 },
      ]);
      expect(answer.totals).toEqual({ lines: 44, charges: 56530.48 });
    });

    it('orders by money and by a label', async () => {
      const byCharges = await aggregate(t, `measures=charges&groupBy=department&orderBy=-charges&${WHOLE}`);
      expect(column(byCharges.rows, 'department')).toEqual(['ORTH', 'RAD', 'CARD', 'ONC', 'LAB']); // 50,710 > 3,300.50 > 1,400 > 800 > 319.98
      const byName = await aggregate(t, `measures=lines&groupBy=department&orderBy=-department&${WHOLE}`);
      expect(column(byName.rows, 'department')).toEqual(['RAD', 'ORTH', 'ONC', 'LAB', 'CARD']);
    });

    it('puts a null rate last whichever way it orders', async () => {
      // CARD 0, LAB 0.1, RAD 0.2, ORTH 2/7, ONC null
      const up = await aggregate(t, `measures=denial_rate&groupBy=department&orderBy=denial_rate&${WHOLE}`);
      expect(column(up.rows, 'department')).toEqual(['CARD', 'LAB', 'RAD', 'ORTH', 'ONC']);
      const down = await aggregate(t, `measures=denial_rate&groupBy=department&orderBy=-denial_rate&${WHOLE}`);
      expect(column(down.rows, 'department')).toEqual(['ORTH', 'RAD', 'LAB', 'CARD', 'ONC']);
    });

    it('returns every row when the limit is larger than the answer', async () => {
      const answer = await aggregate(t, `measures=lines&groupBy=department&limit=10&${WHOLE}`);
      expect(answer.rows).toHaveLength(5);
      expect(answer.meta.rowCount).toBe(5);
    });

    it('cuts filled periods at limit and still totals the whole range', async () => {
      // 2025 months: 1 1 3 0 1 1 1 1 0 1 2 2 → March, then November and December
      const answer = await aggregate(t, 'measures=lines&groupBy=period&grain=month&from=2025-01-01&to=2025-12-31&orderBy=-lines&limit=3');
      expect(answer.rows[0]).toEqual({ period: '2025-03', lines: 3 });
      expect(answer.rows.slice(1)).toEqual(expect.arrayContaining([{ period: '2025-11', lines: 2 }, { period: '2025-12', lines: 2 }]));
      expect(answer.meta.rowCount).toBe(3);
      expect(answer.totals).toEqual({ lines: 14 });
    });
  });

  describe('compare=previous_year', () => {
    it('compares rows without a period and the totals with from−1y … to−1y', async () => {
      const answer = await aggregate(t, 'measures=lines,charges,denial_rate&groupBy=department&from=2025-01-01&to=2025-12-31&compare=previous_year');
      expect(answer.rows).toEqual([
        // 2025: L23 L26 L27 L30 L36 (100+150+50+100+100; L27 pending) | 2024: L7 L8 L13 L17 (150+50+100+100)
        { department: 'CARD', lines: 5, charges: 500, denial_rate: 0, lines_compare: 4, charges_compare: 400, denial_rate_compare: 0 },
        // 2025: L24 L29 L32 (33.33+30+33.33) | 2024: L12 L18 (30+33.33)
        { department: 'LAB', lines: 3, charges: 96.66, denial_rate: 0, lines_compare: 2, charges_compare: 63.33, denial_rate_compare: 0 },
        // pending only in both years
        { department: 'ONC', lines: 1, charges: 400, denial_rate: null, lines_compare: 1, charges_compare: 400, denial_rate_compare: null },
        // 2025: L28 L33 L34 (80+150+80) | 2024: L14 L15 L19 (25,000+300+100; L19 denied of 3)
        { department: 'ORTH', lines: 3, charges: 310, denial_rate: 0, lines_compare: 3, charges_compare: 25400, denial_rate_compare: 1 / 3 },
        // 2025: L25 (denied) L31 | 2024: L9 L10 (denied) L11 L16 (pending) L20 L21: 120+900+0.10+120+900+0.20
        { department: 'RAD', lines: 2, charges: 120.2, denial_rate: 0.5, lines_compare: 6, charges_compare: 2040.3, denial_rate_compare: 0.2 },
      ]);
      // 2025: 1 denied of 12 adjudicated; 2024: L10 L19 denied of 14 adjudicated (L16, L22 pending)
      expect(answer.totals).toEqual({ lines: 14, charges: 1426.86, denial_rate: 1 / 12, lines_compare: 16, charges_compare: 28303.63, denial_rate_compare: 1 / 7 });
      expect(answer.meta).toMatchObject({ compare: 'previous_year', compareFrom: '2024-01-01', compareTo: '2024-12-31' });
    });

    it('compares a month with the same month a year earlier, cut to from−1y … to−1y', async () => {
      // 2025-01-20 … 2025-03-10 against 2024-01-20 … 2024-03-10: L7 L8 (2024-01-15) and L13 (2024-03-31) fall outside.
      const answer = await aggregate(t, 'measures=lines&groupBy=period&grain=month&from=2025-01-20&to=2025-03-10&compare=previous_year');
      expect(answer.rows).toEqual([
        { period: '2025-01', lines: 0, lines_compare: 0 },
        { period: '2025-02', lines: 1, lines_compare: 3 }, // L24 | L9 L10 L11
        { period: '2025-03', lines: 1, lines_compare: 1 }, // L25 | L12
      ]);
      expect(answer.totals).toEqual({ lines: 2, lines_compare: 4 });
      expect(answer.meta).toMatchObject({ compareFrom: '2024-01-20', compareTo: '2024-03-10' });
    });

    it('compares a day with the same date a year earlier and gives 29 February none', async () => {
      const answer = await aggregate(t, 'measures=lines&groupBy=period&grain=day&from=2024-02-28&to=2024-03-01&compare=previous_year');
      expect(answer.rows).toEqual([
        { period: '2024-02-28', lines: 1, lines_compare: 0 }, // 2023 has no lines: 0, not null
        { period: '2024-02-29', lines: 2, lines_compare: null },
        { period: '2024-03-01', lines: 1, lines_compare: 0 },
      ]);
      expect(answer.totals).toEqual({ lines: 4, lines_compare: 0 });
      expect(answer.meta).toMatchObject({ compareFrom: '2023-02-28', compareTo: '2023-03-01' });
    });

    it('counts the leap day in the compared totals even though no day row compares with it', async () => {
      // Rows: 2025-02-28 ↔ 2024-02-28 (L24 ↔ L9), 2025-03-01 ↔ 2024-03-01 (L25 ↔ L12);
      // totals compare with 2024-02-27 … 2024-03-01, which holds L9, L10, L11 (29 Feb) and L12.
      const answer = await aggregate(t, 'measures=lines&groupBy=period&grain=day&from=2025-02-27&to=2025-03-01&compare=previous_year');
      expect(answer.rows).toEqual([
        { period: '2025-02-27', lines: 0, lines_compare: 0 },
        { period: '2025-02-28', lines: 1, lines_compare: 1 },
        { period: '2025-03-01', lines: 1, lines_compare: 1 },
      ]);
      expect(answer.totals).toEqual({ lines: 2, lines_compare: 4 });
      expect(answer.meta).toMatchObject({ compareFrom: '2024-02-27', compareTo: '2024-03-01' });
    });

    it('compares an ISO week with the same week number a year earlier', async () => {
      // 2025-W09 = 2025-02-24 … 03-02: L24 L25; 2024-W09 = 2024-02-26 … 03-03: L9 L10 L11 L12 (inside 2024-02-24 … 2024-03-09)
      const answer = await aggregate(t, 'measures=lines&groupBy=period&grain=week&from=2025-02-24&to=2025-03-09&compare=previous_year');
      expect(answer.rows).toEqual([
        { period: '2025-W09', lines: 2, lines_compare: 4 },
        { period: '2025-W10', lines: 0, lines_compare: 0 },
      ]);
    });

    it('gives week 53 no week a year earlier', async () => {
      // 2019 has 52 ISO weeks.
      const answer = await aggregate(t, 'measures=lines&groupBy=period&grain=week&from=2020-12-21&to=2021-01-10&compare=previous_year');
      expect(answer.rows).toEqual([
        { period: '2020-W52', lines: 1, lines_compare: 0 },
        { period: '2020-W53', lines: 4, lines_compare: null },
        { period: '2021-W01', lines: 1, lines_compare: 0 },
      ]);
      expect(answer.totals).toEqual({ lines: 6, lines_compare: 0 });
    });

    it('compares quarters and fiscal years with the same ones a year earlier', async () => {
      const quarters = await aggregate(t, 'measures=lines&groupBy=period&grain=quarter&from=2025-01-01&to=2025-06-30&compare=previous_year');
      expect(quarters.rows).toEqual([
        { period: '2025-Q1', lines: 5, lines_compare: 7 }, // L23–L27 | L7–L13
        { period: '2025-Q2', lines: 2, lines_compare: 3 }, // L28 L29 | L14 L15 L16
      ]);
      expect(quarters.totals).toEqual({ lines: 7, lines_compare: 10 });
      const years = await aggregate(t, 'measures=lines&groupBy=period&grain=fiscal_year&from=2025-07-01&to=2026-06-30&compare=previous_year');
      expect(years.rows).toEqual([{ period: 'FY2026', lines: 12, lines_compare: 13 }]); // L30–L41 | L17–L29
    });

    it('orders by a compared measure', async () => {
      // 2024 lines: RAD 6, CARD 4, ORTH 3, LAB 2, ONC 1
      const answer = await aggregate(t, 'measures=lines&groupBy=department&from=2025-01-01&to=2025-12-31&compare=previous_year&orderBy=-lines_compare');
      expect(column(answer.rows, 'department')).toEqual(['RAD', 'CARD', 'ORTH', 'LAB', 'ONC']);
    });
  });

  describe('compare=previous_period', () => {
    it('compares each period row with the whole preceding period, and rows without a period with the same-length range before from', async () => {
      // 2024-04-15 … 2024-09-30 is 16 + 31 + 30 + 31 + 31 + 30 = 169 days; the 169 days before end on 2024-04-14 and
      // start on 2023-10-29 (3 + 30 + 31 + 31 + 29 + 31 + 14 = 169).
      const answer = await aggregate(t, 'measures=lines&groupBy=period&grain=quarter&from=2024-04-15&to=2024-09-30&compare=previous_period');
      expect(answer.rows).toEqual([
        { period: '2024-Q2', lines: 1, lines_compare: 7 }, // L16 (L14 L15 on 04-01 are before from) | whole 2024-Q1: L7–L13
        { period: '2024-Q3', lines: 2, lines_compare: 3 }, // L17 L18 | whole 2024-Q2, 04-01 included: L14 L15 L16
      ]);
      expect(answer.totals).toEqual({ lines: 3, lines_compare: 9 }); // 2023-10-29 … 2024-04-14: L7–L15
      expect(answer.meta).toMatchObject({ compare: 'previous_period', compareFrom: '2023-10-29', compareTo: '2024-04-14' });

      const departments = await aggregate(t, 'measures=lines&groupBy=department&from=2024-04-15&to=2024-09-30&compare=previous_period');
      expect(departments.rows).toEqual([
        { department: 'CARD', lines: 1, lines_compare: 3 }, // L17 | L7 L8 L13
        { department: 'LAB', lines: 1, lines_compare: 1 }, // L18 | L12
        { department: 'RAD', lines: 1, lines_compare: 3 }, // L16 | L9 L10 L11
      ]);
      expect(departments.totals).toEqual({ lines: 3, lines_compare: 9 });
    });

    it('compares months with the months before them, an empty month included', async () => {
      // 2025-03-01 … 2025-05-31 is 31 + 30 + 31 = 92 days; the 92 days before: 2024-11-29 … 2025-02-28 (2 + 31 + 31 + 28).
      const answer = await aggregate(t, 'measures=lines,charges&groupBy=period&grain=month&from=2025-03-01&to=2025-05-31&compare=previous_period');
      expect(answer.rows).toEqual([
        { period: '2025-03', lines: 3, charges: 320, lines_compare: 1, charges_compare: 33.33 }, // L25 L26 L27 | 2025-02: L24
        { period: '2025-04', lines: 0, charges: 0, lines_compare: 3, charges_compare: 320 }, // – | 2025-03
        { period: '2025-05', lines: 1, charges: 80, lines_compare: 0, charges_compare: 0 }, // L28 | 2025-04
      ]);
      // L20 900 + L21 0.20 + L22 400 (2024-12-31) + L23 100 + L24 33.33
      expect(answer.totals).toEqual({ lines: 4, charges: 400, lines_compare: 5, charges_compare: 1433.53 });
      expect(answer.meta).toMatchObject({ compareFrom: '2024-11-29', compareTo: '2025-02-28' });
    });

    it('compares ISO week 1 of 2021 with week 53 of 2020', async () => {
      const answer = await aggregate(t, 'measures=lines&groupBy=period&grain=week&from=2021-01-04&to=2021-01-10&compare=previous_period');
      expect(answer.rows).toEqual([{ period: '2021-W01', lines: 1, lines_compare: 4 }]); // L6 | L2–L5
      expect(answer.totals).toEqual({ lines: 1, lines_compare: 4 });
      expect(answer.meta).toMatchObject({ compareFrom: '2020-12-28', compareTo: '2021-01-03' });
    });

    it('compares 1 March 2024 with the leap day before it', async () => {
      const answer = await aggregate(t, 'measures=lines&groupBy=period&grain=day&from=2024-03-01&to=2024-03-01&compare=previous_period');
      expect(answer.rows).toEqual([{ period: '2024-03-01', lines: 1, lines_compare: 2 }]); // L12 | L10 L11
      expect(answer.meta).toMatchObject({ compareFrom: '2024-02-29', compareTo: '2024-02-29' });
    });
  });

  describe('default range', () => {
    it('covers the last 12 whole months before today when from and to are left out', async () => {
      // Today in the app's zone (America/New_York, as the test app is configured), then plain calendar arithmetic.
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
      const year = Number(today.slice(0, 4));
      const month = Number(today.slice(5, 7));
      const from = `${year - 1}-${String(month).padStart(2, '0')}-01`;
      const lastYear = month === 1 ? year - 1 : year;
      const lastMonth = month === 1 ? 12 : month - 1;
      const leap = (lastYear % 4 === 0 && lastYear % 100 !== 0) || lastYear % 400 === 0;
      const lastDay = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][lastMonth - 1]!;
      const to = `${lastYear}-${String(lastMonth).padStart(2, '0')}-${lastDay}`;
      // On 2026-11-27 this is 2025-11-01 … 2026-10-31: L33 – L43, 11 lines (L32 on 2025-10-31 and L44 on
      // 2026-11-02 just outside). On other days, count the fixture's dates in the range.
      const expected = SCENARIO_DATES.filter((date) => date >= from && date <= to).length;
      if (today === '2026-11-27') expect(expected).toBe(11);

      const answer = await aggregate(t, 'measures=lines');
      expect(answer.meta).toMatchObject({ from, to });
      expect(answer.totals).toEqual({ lines: expected });
      const months = await aggregate(t, 'measures=lines&groupBy=period');
      expect(months.rows).toHaveLength(12);
      expect(months.rows[0]!['period']).toBe(from.slice(0, 7));
      expect(months.rows[11]!['period']).toBe(to.slice(0, 7));
    });
  });
});
