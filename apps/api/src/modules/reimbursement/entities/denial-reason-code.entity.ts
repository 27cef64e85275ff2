import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A CARC (Claim Adjustment Reason Code) and its description, as the user loaded them: X12
 * publishes the list under its own terms, so none ships with the product.
 */
@Entity({ name: 'denial_reason_code' })
export class DenialReasonCodeEntity {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  code!: string;

  @Column({ type: 'varchar', length: 1000 })
  description!: string;
}
