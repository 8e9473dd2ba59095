import { Injectable } from '@nestjs/common';
import { AuditAction, AuditLog } from '@meridian/audit';
import { hasPermission, Permission } from '@meridian/auth/access/permission';
import { Role } from '@meridian/auth/access/role';
import { PasswordHasher } from '@meridian/auth/passwords/password-hasher';
import { SessionStateCache } from '@meridian/auth/sessions/session-state.cache';
import { SessionsRepository } from '@meridian/auth/sessions/sessions.repository';
import { Actor, FieldError, RequestException, staleVersion } from '@meridian/core';
import { v7 as uuid } from 'uuid';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import {
  StaffDirectoryEntry,
  toDirectoryEntry,
  toUserResponse,
  UserPage,
  UserResponse,
} from './dto/user.response';
import { UserEntity } from './user.entity';
import { UsersException } from './users.exception';
import { UsersRepository } from './users.repository';

const RESOURCE = 'user';

/**
 * Staff accounts. Admins manage everyone; managers manage everyone but admins (and cannot
 * make anyone admin); colleagues see the directory. Runs inside the request's tenant
 * transaction, which every method's access-log row joins.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly standings: SessionStateCache,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: Actor, query: ListUsersQuery): Promise<UserPage> {
    const page = await this.users.list(query, query.limit, query.cursor);
    await this.audit.record({ action: AuditAction.Search, resourceType: RESOURCE });
    return { data: page.data.map((user) => this.view(actor, user)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<UserResponse | StaffDirectoryEntry> {
    const user = await this.require(id);
    await this.audit.record({ action: AuditAction.Read, resourceType: RESOURCE, resourceId: id });
    return this.view(actor, user);
  }

  async create(actor: Actor, input: CreateUserDto): Promise<UserResponse> {
    const disciplines = input.disciplines ?? [];
    assertDisciplinesFitRoles(input.roles, disciplines);
    if (input.roles.includes(Role.Admin)) this.assertMayManageAdmins(actor);
    const user = await this.users.insert({
      id: uuid(),
      email: input.email,
      displayName: input.displayName,
      roles: input.roles,
      disciplines,
      passwordHash: await this.hasher.hash(input.password),
      // The admin knows this password; only the user should.
      passwordChangeRequired: true,
    });
    await this.audit.record({
      action: AuditAction.Create,
      resourceType: RESOURCE,
      resourceId: user.id,
    });
    return toUserResponse(user);
  }

  async update(
    actor: Actor,
    id: string,
    version: number,
    changes: UpdateUserDto,
  ): Promise<UserResponse> {
    const user = await this.require(id, true);
    if (user.version !== version) throw staleVersion();
    const roles = changes.roles ?? (user.roles as Role[]);
    const disciplines =
      changes.disciplines ?? (roles.includes(Role.Practitioner) ? user.disciplines : []);
    assertDisciplinesFitRoles(roles, disciplines);
    const touchesAdmin = user.roles.includes(Role.Admin) || roles.includes(Role.Admin);
    if (touchesAdmin) this.assertMayManageAdmins(actor);
    if (user.roles.includes(Role.Admin) && !roles.includes(Role.Admin)) {
      await this.assertNotLastAdmin(user);
    }
    Object.assign(user, {
      displayName: changes.displayName ?? user.displayName,
      roles,
      disciplines,
    });
    const saved = await this.users.save(user);
    // Roles decide permissions on the next request, not at the token's expiry.
    this.standings.forgetUser(id);
    await this.audit.record({ action: AuditAction.Update, resourceType: RESOURCE, resourceId: id });
    return toUserResponse(saved);
  }

  /**
   * Ends the user's access: every session is revoked, so refresh tokens stop at once and
   * access tokens within the session-check interval (this process forgets them now).
   */
  async deactivate(actor: Actor, id: string): Promise<UserResponse> {
    if (id === actor.userId) throw UsersException.selfDeactivation();
    const user = await this.require(id, true);
    if (user.roles.includes(Role.Admin)) {
      this.assertMayManageAdmins(actor);
      await this.assertNotLastAdmin(user);
    }
    if (user.status !== 'deactivated') {
      user.status = 'deactivated';
      user.deactivatedAt = new Date();
      await this.users.save(user);
      await this.sessions.revokeAllOfUser(id, 'deactivated');
    }
    this.standings.forgetUser(id);
    await this.audit.record({
      action: AuditAction.Deactivate,
      resourceType: RESOURCE,
      resourceId: id,
    });
    return toUserResponse(user);
  }

  /**
   * For a colleague who forgot their password: the admin sets one to hand over in person, the
   * user must change it before anything else, and every session of theirs ends now (whoever
   * holds one is not necessarily them).
   */
  async setTemporaryPassword(actor: Actor, id: string, password: string): Promise<UserResponse> {
    if (id === actor.userId) throw UsersException.ownPassword();
    const user = await this.require(id, true);
    if (user.status === 'deactivated') throw UsersException.deactivated();
    if (user.roles.includes(Role.Admin)) this.assertMayManageAdmins(actor);
    user.passwordHash = await this.hasher.hash(password);
    user.passwordChangeRequired = true;
    const saved = await this.users.save(user);
    await this.sessions.revokeAllOfUser(id, 'temporary-password');
    this.standings.forgetUser(id);
    await this.audit.record({
      action: AuditAction.PasswordChange,
      resourceType: RESOURCE,
      resourceId: id,
    });
    return toUserResponse(saved);
  }

  private view(actor: Actor, user: UserEntity): UserResponse | StaffDirectoryEntry {
    return hasPermission(actor.roles, Permission.UserRead)
      ? toUserResponse(user)
      : toDirectoryEntry(user);
  }

  private async require(id: string, lock = false): Promise<UserEntity> {
    const user = await this.users.findById(id, lock);
    if (!user) throw UsersException.notFound();
    return user;
  }

  private assertMayManageAdmins(actor: Actor): void {
    if (!hasPermission(actor.roles, Permission.AdminUserWrite)) throw UsersException.adminOnly();
  }

  private async assertNotLastAdmin(user: UserEntity): Promise<void> {
    if (user.status === 'active' && (await this.users.countActiveAdmins()) <= 1) {
      throw UsersException.lastAdmin();
    }
  }
}

/** Practitioners work in at least one discipline; nobody else has one. */
function assertDisciplinesFitRoles(roles: readonly string[], disciplines: readonly string[]): void {
  const errors: FieldError[] = [];
  if (roles.includes(Role.Practitioner) && disciplines.length === 0) {
    errors.push({
      field: 'disciplines',
      message: 'must name at least one discipline for a practitioner',
    });
  }
  if (!roles.includes(Role.Practitioner) && disciplines.length > 0) {
    errors.push({
      field: 'disciplines',
      message: 'must be empty unless roles include practitioner',
    });
  }
  if (errors.length > 0) {
    throw RequestException.invalidFields(errors);
  }
}
