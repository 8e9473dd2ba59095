export * from './follow-up-task.entity';
export * from './follow-ups.module';
export * from './follow-ups.repository';
export * from './raised-follow-ups.service';
