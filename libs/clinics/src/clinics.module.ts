import { Module } from '@nestjs/common';
import { ClinicsRepository } from './clinics.repository';

@Module({
  providers: [ClinicsRepository],
  exports: [ClinicsRepository],
})
export class ClinicsModule {}
