export * from './audit-event.entity';
export * from './audit-event.repository';
export * from './audit-log';
export * from './audit.module';
export * from './verify-audit-chain';
export * from './audit-events.service';
export * from './dto/audit-event.dto';
