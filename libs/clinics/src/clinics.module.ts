import { Module } from '@nestjs/common';
import { AuditModule } from '@meridian/audit';
import { UsersModule } from '@meridian/users/users.module';
import { ClinicsRepository } from './clinics.repository';
import { ClinicsService } from './clinics.service';

/** The tenant: sign-up and settings. Password hashing comes from the global AuthModule. */
@Module({
  imports: [AuditModule, UsersModule],
  providers: [ClinicsRepository, ClinicsService],
  exports: [ClinicsRepository, ClinicsService],
})
export class ClinicsModule {}
