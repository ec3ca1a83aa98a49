import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { DecisionRecordContent, RecordedDecision } from './decision-record.types';

/** The record written at a recommendation (one per verification run); immutable (a trigger refuses changes). */
@Entity({ name: 'decision_records' })
@Index('idx_decision_records_application', ['applicationId', 'recordedAt'])
export class DecisionRecordRow {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  // By table name: the applications lib depends on this one, not the other way round.
  @ForeignKey('Application', { name: 'fk_decision_records_application' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ForeignKey('VerificationRun', { name: 'fk_decision_records_run' })
  @Index('uq_decision_records_run', { unique: true })
  @Column({ name: 'run_id', type: 'uuid' })
  runId!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'jsonb' })
  content!: DecisionRecordContent;

  /** Hash and signature of the record with no decision yet. */
  @Column({ name: 'record_hash', type: 'char', length: 64 })
  recordHash!: string;

  @Column({ type: 'text' })
  signature!: string;

  @Column({ name: 'key_id', type: 'varchar', length: 64 })
  keyId!: string;
}

/** A county decision added to a record; carries the hash and signature of the whole record as it stands with it. */
@Entity({ name: 'decision_record_decisions' })
@Index('uq_decision_record_decisions_seq', ['recordId', 'seq'], { unique: true })
export class DecisionRecordDecisionRow {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @ForeignKey(() => DecisionRecordRow, { name: 'fk_decision_record_decisions_record' })
  @Column({ name: 'record_id', type: 'uuid' })
  recordId!: string;

  @Column({ type: 'smallint' })
  seq!: number;

  @Column({ type: 'jsonb' })
  content!: RecordedDecision;

  @Column({ name: 'record_hash', type: 'char', length: 64 })
  recordHash!: string;

  @Column({ type: 'text' })
  signature!: string;

  @Column({ name: 'key_id', type: 'varchar', length: 64 })
  keyId!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
