import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Gap-free application numbers per township and year: the row lock serialises concurrent creates. */
@Entity({ name: 'application_number_counters' })
export class ApplicationNumberCounter {
  @PrimaryColumn({ name: 'township_code', type: 'varchar', length: 12 })
  townshipCode!: string;

  @PrimaryColumn({ type: 'smallint' })
  year!: number;

  @Column({ name: 'last_value', type: 'integer' })
  lastValue!: number;
}
