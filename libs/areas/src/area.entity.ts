import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { AreaLevel } from './area-level';

@Entity({ name: 'areas' })
@Check('ck_areas_level', `"level" IN ('CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')`)
export class Area {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 10 })
  level!: AreaLevel;

  @Index('idx_areas_parent_code')
  @ForeignKey(() => Area, { name: 'fk_areas_parent' })
  @Column({ name: 'parent_code', type: 'varchar', length: 12, nullable: true })
  parentCode!: string | null;
}
