import { Injectable } from '@nestjs/common';
import { AuditAction, AuditLog } from '@meridian/audit';
import { Role } from '@meridian/auth/access/role';
import { PasswordHasher } from '@meridian/auth/passwords/password-hasher';
import { staleVersion } from '@meridian/core';
import { TenantTransaction } from '@meridian/db';
import { toUserResponse, UserResponse } from '@meridian/users/dto/user.response';
import { UsersRepository } from '@meridian/users/users.repository';
import { v7 as uuid } from 'uuid';
import { ClinicEntity, DEFAULT_TIME_ZONE } from './clinic.entity';
import { ClinicsRepository } from './clinics.repository';
import { ClinicResponse, SignUpDto, toClinicResponse, UpdateClinicDto } from './dto/clinic.dto';

const RESOURCE = 'clinic';

/** The tenant itself: sign-up and settings. */
@Injectable()
export class ClinicsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly clinics: ClinicsRepository,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
  ) {}

  /**
   * A new clinic and its first admin, in one transaction: either both exist afterwards or
   * neither does (an e-mail already in use rolls the clinic back).
   */
  async signUp(input: SignUpDto): Promise<{ clinic: ClinicResponse; admin: UserResponse }> {
    const passwordHash = await this.hasher.hash(input.admin.password);
    return this.tx.run(uuid(), async () => {
      const clinic = await this.clinics.insert({
        name: input.name,
        timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
        locale: input.locale ?? 'nl',
        mfaRequired: input.mfaRequired ?? true,
      });
      const admin = await this.users.insert({
        id: uuid(),
        email: input.admin.email,
        displayName: input.admin.displayName,
        roles: [Role.Admin],
        disciplines: [],
        passwordHash,
        passwordChangeRequired: false,
      });
      const actor = { userId: admin.id, roles: admin.roles };
      await this.audit.record({
        action: AuditAction.Create,
        resourceType: RESOURCE,
        resourceId: clinic.id,
        actor,
      });
      await this.audit.record({
        action: AuditAction.Create,
        resourceType: 'user',
        resourceId: admin.id,
        actor,
      });
      return { clinic: toClinicResponse(clinic), admin: toUserResponse(admin) };
    });
  }

  async get(): Promise<ClinicResponse> {
    const clinic = await this.current();
    await this.audit.record({
      action: AuditAction.Read,
      resourceType: RESOURCE,
      resourceId: clinic.id,
    });
    return toClinicResponse(clinic);
  }

  async update(version: number, changes: UpdateClinicDto): Promise<ClinicResponse> {
    const clinic = await this.current(true);
    if (clinic.version !== version) throw staleVersion();
    Object.assign(clinic, stripUndefined(changes));
    const saved = await this.clinics.save(clinic);
    await this.audit.record({
      action: AuditAction.Update,
      resourceType: RESOURCE,
      resourceId: clinic.id,
    });
    return toClinicResponse(saved);
  }

  private async current(lock = false): Promise<ClinicEntity> {
    const clinic = await this.clinics.findCurrent(lock);
    // The tenant transaction is the signed-in user's clinic: it exists.
    if (!clinic) throw new Error('The current clinic is not visible');
    return clinic;
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
