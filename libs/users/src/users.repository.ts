import { Injectable } from '@nestjs/common';
import { decodeCursor, keysetPage, Page, UUID_PATTERN } from '@meridian/core';
import { isUniqueViolation, TenantTransaction } from '@meridian/db';
import { UserEntity, UserStatus } from './user.entity';
import { UsersException } from './users.exception';

const LIST_COLUMNS: (keyof UserEntity)[] = [
  'id',
  'clinicId',
  'email',
  'displayName',
  'roles',
  'disciplines',
  'status',
  'passwordChangeRequired',
  'mfaEnrolledAt',
  'deactivatedAt',
  'createdAt',
  'updatedAt',
  'version',
];

/** A page ends at a (display name, id): any name, then a UUID. */
const CURSOR_PARTS = [
  // Any name PostgreSQL can hold, which excludes NUL.
  // eslint-disable-next-line no-control-regex
  /^[^\u0000]*$/,
  UUID_PATTERN,
];

export type NewUser = Pick<
  UserEntity,
  | 'id'
  | 'email'
  | 'displayName'
  | 'roles'
  | 'disciplines'
  | 'passwordHash'
  | 'passwordChangeRequired'
>;

export type UserChanges = Partial<Pick<UserEntity, 'displayName' | 'roles' | 'disciplines'>>;

export interface UserListFilter {
  status?: UserStatus;
  role?: string;
}

/** Staff rows of the clinic the current tenant transaction serves; every query names it. */
@Injectable()
export class UsersRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async insert(user: NewUser): Promise<UserEntity> {
    const manager = this.tx.manager;
    try {
      return await manager.save(
        manager.create(UserEntity, { ...user, clinicId: this.tx.clinicId }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) throw UsersException.emailTaken();
      throw error;
    }
  }

  async findById(id: string, lock = false): Promise<UserEntity | null> {
    return this.tx.manager.findOne(UserEntity, {
      where: { id, clinicId: this.tx.clinicId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** Staff ordered by name, then id; keyset-paginated. */
  async list(filter: UserListFilter, limit: number, cursor?: string): Promise<Page<UserEntity>> {
    // Only what the responses show: never the password hash or the TOTP secrets.
    const query = this.tx.manager
      .createQueryBuilder(UserEntity, 'u')
      .select(LIST_COLUMNS.map((column) => `u.${column}`))
      .where('u.clinic_id = :clinicId', { clinicId: this.tx.clinicId })
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(limit + 1);
    if (filter.status) query.andWhere('u.status = :status', { status: filter.status });
    if (filter.role) query.andWhere(':role = ANY(u.roles)', { role: filter.role });
    if (cursor) {
      const [name, id] = decodeCursor(cursor, 2, CURSOR_PARTS);
      query.andWhere('(u.display_name, u.id) > (:name, :id)', { name, id });
    }
    const rows = await query.getMany();
    return keysetPage(rows, limit, (user) => [user.displayName, user.id]);
  }

  /** Saves changes to a user read (and locked) in this transaction; bumps the version. */
  async save(user: UserEntity): Promise<UserEntity> {
    return this.tx.manager.save(user);
  }

  /** The clinic's active users with `role`, for telling them something by e-mail. */
  async activeWithRole(role: string): Promise<Pick<UserEntity, 'id' | 'email'>[]> {
    return (await this.tx.query(
      `SELECT id, email FROM users
       WHERE clinic_id = $1 AND status = 'active' AND $2 = ANY(roles)
       ORDER BY id`,
      [this.tx.clinicId, role],
    )) as Pick<UserEntity, 'id' | 'email'>[];
  }

  /**
   * The clinic's active admins, locked until the transaction ends: two admins demoting or
   * deactivating each other at once are serialised, and the second sees one admin left.
   */
  async countActiveAdmins(): Promise<number> {
    const rows = (await this.tx.manager.query(
      `SELECT id FROM users
       WHERE clinic_id = $1 AND status = 'active' AND 'admin' = ANY(roles)
       FOR UPDATE`,
      [this.tx.clinicId],
    )) as { id: string }[];
    return rows.length;
  }

  /**
   * Records that a TOTP code of `timeStep` was accepted, unless one at or after it already
   * was: false means the code is a replay. Atomic, so two requests with one code cannot both
   * pass.
   */
  async acceptTimeStep(userId: string, timeStep: number): Promise<boolean> {
    const [, affected] = (await this.tx.manager.query(
      `UPDATE users SET mfa_last_time_step = $3
       WHERE clinic_id = $1 AND id = $2
         AND (mfa_last_time_step IS NULL OR mfa_last_time_step < $3)`,
      [this.tx.clinicId, userId, timeStep],
    )) as [unknown, number];
    return affected === 1;
  }
}
