import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@meridian/db';
import { ClinicEntity, DEFAULT_TIME_ZONE } from './clinic.entity';

/** Clinic rows, always of the clinic the current tenant transaction serves. */
@Injectable()
export class ClinicsRepository {
  constructor(private readonly tenantTransaction: TenantTransaction) {}

  /** The current clinic, or null when it does not exist (or is not visible). */
  async findCurrent(lock = false): Promise<ClinicEntity | null> {
    return this.tenantTransaction.manager.findOne(ClinicEntity, {
      where: { id: this.tenantTransaction.clinicId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** The current clinic's time zone: what "today" and "09:00" mean for it. */
  async timeZone(): Promise<string> {
    return (await this.findCurrent())?.timeZone ?? DEFAULT_TIME_ZONE;
  }

  /** Inserts a clinic; the tenant transaction must already be the new clinic's. */
  async insert(clinic: Pick<ClinicEntity, 'name'> & Partial<ClinicEntity>): Promise<ClinicEntity> {
    const manager = this.tenantTransaction.manager;
    const entity = manager.create(ClinicEntity, { ...clinic, id: this.tenantTransaction.clinicId });
    return manager.save(entity);
  }

  /** Saves changes to the current clinic; bumps its version. */
  async save(clinic: ClinicEntity): Promise<ClinicEntity> {
    if (clinic.id !== this.tenantTransaction.clinicId) throw new Error('Not the current clinic');
    return this.tenantTransaction.manager.save(clinic);
  }
}
