import { ApiProperty } from '@nestjs/swagger';
import { PeriodPageQuery, Trim } from '@meridian/core';
import { IsString, Length } from 'class-validator';

export class BreakGlassDto {
  @ApiProperty({
    description: 'Why access is needed now, for the admins who review every use.',
    minLength: 20,
    maxLength: 2000,
    example: 'Client called in acute distress; her psychologist is on leave today.',
  })
  @Trim()
  @IsString()
  @Length(20, 2000)
  reason!: string;
}

export class BreakGlassGrantResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ format: 'date-time' }) grantedAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class BreakGlassGrantListItem extends BreakGlassGrantResponse {
  @ApiProperty({ example: 'C-000123' }) clientNumber!: string;
  @ApiProperty() userDisplayName!: string;
  @ApiProperty() reason!: string;
}

export class BreakGlassGrantPage {
  @ApiProperty({ type: [BreakGlassGrantListItem] }) data!: BreakGlassGrantListItem[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ListBreakGlassQuery extends PeriodPageQuery {}
