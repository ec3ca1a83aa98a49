import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Who is a counted member of an open application, by blind index: the primary key makes duplicate
 * detection race-safe (two concurrent submissions of one person → exactly one wins).
 */
@Entity({ name: 'open_application_persons' })
export class OpenApplicationPerson {
  @PrimaryColumn({ name: 'id_blind_index', type: 'char', length: 64 })
  idBlindIndex!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;
}
