import { Column, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';
import { Area } from '@app/areas';
import type { Role } from './role';

/** A platform user: bound to one area, holding one or more roles valid for that area's level (SPEC 2.2). */
@Entity({ name: 'users' })
@Unique('uq_users_username', ['username'])
export class User {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  /** argon2id hash (SPEC 2.3). */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  @ForeignKey(() => Area, { name: 'fk_users_area' })
  @Column({ name: 'area_code', type: 'varchar', length: 12 })
  areaCode!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** An inactive user cannot log in, and its tokens stop working (SPEC 2.3). */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Carried in every token; bumped to revoke every token issued before (SPEC 2.3). */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion!: number;
}
