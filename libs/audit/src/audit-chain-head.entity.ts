import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './audit-entry.entity';

/** The last entry of one chain; an append locks this row FOR UPDATE so each chain grows one entry at a time. */
@Entity({ name: 'audit_chain_heads' })
export class AuditChainHead {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  chain!: string;

  @Column({ name: 'last_seq', type: 'bigint', transformer: bigintAsNumber })
  lastSeq!: number;

  @Column({ name: 'last_hash', type: 'varchar', length: 64 })
  lastHash!: string;
}
