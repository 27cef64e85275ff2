import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row that was not loaded, with what is wrong; `raw` never holds the patient identifier. */
@Entity({ name: 'import_rejection' })
export class ImportRejectionEntity {
  @PrimaryColumn({ name: 'import_id', type: 'integer' })
  importId!: number;

  @PrimaryColumn({ name: 'row_number', type: 'integer' })
  rowNumber!: number;

  @Column({ name: 'column_name', type: 'varchar', length: 64, nullable: true })
  columnName!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text' })
  raw!: string;
}
