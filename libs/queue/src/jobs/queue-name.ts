/** The BullMQ queues. Each has its own worker concurrency and can be scaled on its own. */
export enum QueueName {
  Notifications = 'notifications',
  Reminders = 'reminders',
  FollowUps = 'follow-ups',
  Maintenance = 'maintenance',
}

export const QUEUE_NAMES = Object.values(QueueName);
