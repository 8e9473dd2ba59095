export * from './local-time';
export * from './mailer';
export * from './notification-sender';
export * from './notification.entity';
export * from './notifications.module';
export * from './notifications.repository';
export * from './notifications.service';
