import { Trim } from '@meridian/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  CONSENT_METHODS,
  CONSENT_TYPES,
  ConsentEntity,
  ConsentMethod,
  ConsentType,
} from '../consent.entity';

export class GrantConsentDto {
  @ApiProperty({ enum: CONSENT_TYPES })
  @IsIn(CONSENT_TYPES, { message: `type must be one of ${CONSENT_TYPES.join(', ')}` })
  type!: ConsentType;

  @ApiProperty({ enum: CONSENT_METHODS, description: 'How the client gave it.' })
  @IsIn(CONSENT_METHODS, { message: `method must be one of ${CONSENT_METHODS.join(', ')}` })
  method!: ConsentMethod;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Where the paper form is filed, say.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class WithdrawConsentDto {
  @ApiProperty({ enum: CONSENT_METHODS, description: 'How the client withdrew it.' })
  @IsIn(CONSENT_METHODS, { message: `method must be one of ${CONSENT_METHODS.join(', ')}` })
  method!: ConsentMethod;
}

export class ConsentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ enum: CONSENT_TYPES }) type!: ConsentType;
  @ApiProperty({ enum: ['granted', 'withdrawn'] }) status!: 'granted' | 'withdrawn';
  @ApiProperty({ enum: CONSENT_METHODS }) method!: ConsentMethod;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) grantedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) withdrawnAt!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) withdrawnBy!: string | null;
  @ApiProperty({ enum: CONSENT_METHODS, nullable: true, type: String })
  withdrawalMethod!: ConsentMethod | null;
}

export class ConsentList {
  @ApiProperty({
    type: [ConsentResponse],
    description: 'Every consent ever recorded, newest first.',
  })
  data!: ConsentResponse[];
}

export function toConsentResponse(consent: ConsentEntity): ConsentResponse {
  return {
    id: consent.id,
    clientId: consent.clientId,
    type: consent.type,
    status: consent.withdrawnAt ? 'withdrawn' : 'granted',
    method: consent.method,
    note: consent.note,
    recordedBy: consent.recordedBy,
    grantedAt: consent.grantedAt.toISOString(),
    withdrawnAt: consent.withdrawnAt?.toISOString() ?? null,
    withdrawnBy: consent.withdrawnBy,
    withdrawalMethod: consent.withdrawalMethod,
  };
}
