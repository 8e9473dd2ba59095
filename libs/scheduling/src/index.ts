export * from './appointment.entity';
export * from './appointments.repository';
export * from './appointments.service';
export * from './dto/appointment.dto';
export * from './scheduling.exception';
export * from './scheduling.module';
