import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '@meridian/core';
import { IsIn } from 'class-validator';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  NotificationEntity,
  type NotificationKind,
  type NotificationStatus,
} from '../notification.entity';

export class ListNotificationsQuery {
  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES, default: 'failed' })
  @IsOmittable()
  @IsIn(NOTIFICATION_STATUSES, { message: `status must be ${NOTIFICATION_STATUSES.join(', ')}` })
  status?: NotificationStatus;
}

/** A message's delivery record: to whom and how it went, not what it said. */
export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ enum: NOTIFICATION_STATUSES }) status!: NotificationStatus;
  @ApiProperty({ description: 'The address it was for, to correct it.' }) recipient!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) clientId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId!: string | null;
  @ApiProperty({ description: 'Delivery attempts made.' }) attempts!: number;
  @ApiProperty({ nullable: true, type: String, description: 'The last attempt’s error code.' })
  lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt!: string | null;
}

export class NotificationList {
  @ApiProperty({ type: [NotificationResponse], description: 'The 100 most recently changed.' })
  data!: NotificationResponse[];
}

export function toNotificationResponse(row: NotificationEntity): NotificationResponse {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    recipient: row.recipient,
    clientId: row.clientId,
    userId: row.userId,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}
