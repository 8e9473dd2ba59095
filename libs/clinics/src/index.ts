export * from './clinic.entity';
export * from './clinics.module';
export * from './clinics.repository';
