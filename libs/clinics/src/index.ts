export * from './clinic.entity';
export * from './clinics.module';
export * from './clinics.repository';
export * from './clinics.service';
export * from './dto/clinic.dto';
