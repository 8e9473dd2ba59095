export * from './follow-up-task.entity';
export * from './follow-ups.module';
export * from './follow-ups.repository';
export * from './raised-follow-ups.service';
export * from './dto/follow-up.dto';
export * from './follow-ups.exception';
export * from './follow-ups.service';
