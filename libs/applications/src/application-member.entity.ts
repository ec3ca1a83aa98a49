import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Application } from './application.entity';
import { Employment, Exclusion, Relation, Signer, type DisabilityCategory } from './application.enums';

export interface MonthlyIncome {
  wageFen: number;
  businessFen: number;
  propertyFen: number;
  transferFen: number;
  excludedFen: number;
}

export interface Assets {
  depositsFen: number;
  securitiesFen: number;
  vehicles: number;
  dwellings: number;
}

export interface Disability {
  category: DisabilityCategory;
  grade: number;
}

export interface MemberAuthorization {
  signedAt: string;
  signer: Signer;
  documentRef: string;
  recordedBy: string;
  recordedAt: string;
}

/** A household member. The ID number is stored encrypted, with a blind index for duplicate detection. */
@Entity({ name: 'application_members' })
@Index('uq_application_members_position', ['applicationId', 'position'], { unique: true })
export class ApplicationMember {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @ForeignKey(() => Application, {
    name: 'fk_application_members_application',
    onDelete: 'CASCADE',
    deferrable: 'INITIALLY DEFERRED',
  })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'varchar', length: 50 })
  name!: string;

  @Column({ name: 'id_number_enc', type: 'text' })
  idNumberEnc!: string;

  @Index('idx_application_members_blind_index')
  @Column({ name: 'id_blind_index', type: 'char', length: 64 })
  idBlindIndex!: string;

  @Column({ name: 'id_number_masked', type: 'varchar', length: 18 })
  idNumberMasked!: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate!: string;

  @Column({ type: 'char', length: 1 })
  sex!: 'M' | 'F';

  /** Age on the application's creation date. */
  @Column({ type: 'smallint' })
  age!: number;

  @Column({ type: 'varchar', length: 16 })
  relation!: Relation;

  @Column({ name: 'co_resident', type: 'boolean' })
  coResident!: boolean;

  @Column({ type: 'varchar', length: 16, nullable: true })
  exclusion!: Exclusion | null;

  @Column({ type: 'jsonb', nullable: true })
  disability!: Disability | null;

  @Column({ type: 'varchar', length: 16 })
  employment!: Employment;

  @Column({ name: 'declared_income', type: 'jsonb' })
  declaredIncome!: MonthlyIncome;

  @Column({ name: 'declared_assets', type: 'jsonb' })
  declaredAssets!: Assets;

  @Column({ name: 'authorization', type: 'jsonb', nullable: true })
  authorization!: MemberAuthorization | null;

  /** Counted in the household: co-resident and not excluded (a death found by HUKOU uncounts later). */
  @Column({ type: 'boolean' })
  counted!: boolean;
}
