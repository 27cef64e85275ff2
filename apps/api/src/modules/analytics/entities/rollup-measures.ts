import { Column } from 'typeorm';

/** The additive measures every rollup table keeps per group (sums as integer cents). */
export abstract class RollupMeasures {
  @Column({ type: 'bigint' })
  lines!: string;

  @Column({ type: 'bigint' })
  units!: string;

  @Column({ name: 'charge_cents', type: 'bigint' })
  chargeCents!: string;

  @Column({ name: 'allowed_cents', type: 'bigint' })
  allowedCents!: string;

  @Column({ name: 'paid_cents', type: 'bigint' })
  paidCents!: string;

  @Column({ name: 'denied_lines', type: 'bigint' })
  deniedLines!: string;

  @Column({ name: 'adjudicated_lines', type: 'bigint' })
  adjudicatedLines!: string;

  @Column({ name: 'wrvu_hundredths', type: 'bigint' })
  wrvuHundredths!: string;

  @Column({ name: 'expected_cents', type: 'bigint' })
  expectedCents!: string;

  @Column({ name: 'unpriced_lines', type: 'bigint' })
  unpricedLines!: string;
}
