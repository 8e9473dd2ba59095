import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstant, IsOmittable, PageQuery, Trim } from '@meridian/core';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { APPOINTMENT_STATUSES, APPOINTMENT_TYPES, AppointmentType } from '../appointment.entity';

const INSTANT_DOC = 'An instant, ISO 8601 with offset (`2026-11-25T09:00:00+01:00` or `…Z`).';

export class BookAppointmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clientId!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'An active practitioner of the appointment type’s discipline (any for intake).',
  })
  @IsUUID()
  practitionerId!: string;

  @ApiProperty({ enum: APPOINTMENT_TYPES })
  @IsIn(APPOINTMENT_TYPES, { message: `type must be one of ${APPOINTMENT_TYPES.join(', ')}` })
  type!: AppointmentType;

  @ApiProperty({
    example: '2026-11-25T09:00:00+01:00',
    description: `${INSTANT_DOC} In the future.`,
  })
  @IsInstant()
  startsAt!: string;

  @ApiProperty({
    example: '2026-11-25T09:45:00+01:00',
    description: `${INSTANT_DOC} 5 minutes to 4 hours after the start.`,
  })
  @IsInstant()
  endsAt!: string;
}

/** A move: another time, practitioner or type. Only booked appointments move. */
export class MoveAppointmentDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID()
  practitionerId?: string;

  @ApiPropertyOptional({ enum: APPOINTMENT_TYPES })
  @IsOmittable()
  @IsIn(APPOINTMENT_TYPES, { message: `type must be one of ${APPOINTMENT_TYPES.join(', ')}` })
  type?: AppointmentType;

  @ApiPropertyOptional({ example: '2026-11-26T09:00:00+01:00', description: INSTANT_DOC })
  @IsOmittable()
  @IsInstant()
  startsAt?: string;

  @ApiPropertyOptional({ example: '2026-11-26T09:45:00+01:00', description: INSTANT_DOC })
  @IsOmittable()
  @IsInstant()
  endsAt?: string;
}

export class CancelAppointmentDto {
  @ApiProperty({ example: 'Client ill', description: 'Administrative, never clinical.' })
  @Trim()
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class ListAppointmentsQuery extends PageQuery {
  @ApiProperty({ example: '2026-11-23T00:00:00+01:00', description: `${INSTANT_DOC} Inclusive.` })
  @IsInstant()
  from!: string;

  @ApiProperty({
    example: '2026-11-30T00:00:00+01:00',
    description: `${INSTANT_DOC} Exclusive; at most 31 days after from.`,
  })
  @IsInstant()
  to!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Practitioners see only their own.' })
  @IsOptional()
  @IsUUID()
  practitionerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clientId?: string;
}

export class AppointmentPersonResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Noor de Vries' }) name!: string;
}

export class AppointmentClientResponse extends AppointmentPersonResponse {
  @ApiProperty({ example: 'C-000123' }) clientNumber!: string;
}

export class AppointmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: AppointmentClientResponse }) client!: AppointmentClientResponse;
  @ApiProperty({ type: AppointmentPersonResponse }) practitioner!: AppointmentPersonResponse;
  @ApiProperty({ enum: APPOINTMENT_TYPES }) type!: string;
  @ApiProperty({ format: 'date-time', description: 'UTC.' }) startsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'UTC.' }) endsAt!: string;
  @ApiProperty({ enum: APPOINTMENT_STATUSES }) status!: string;
  @ApiProperty({ description: 'Its ETag for If-Match.' }) version!: number;
}

export class AppointmentPage {
  @ApiProperty({ type: [AppointmentResponse], description: 'By start time.' })
  data!: AppointmentResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({
    example: 'Europe/Amsterdam',
    description: 'The clinic’s time zone: times are UTC, days are the clinic’s.',
  })
  timeZone!: string;
}
