import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';

export class BreakGlassDto {
  @ApiProperty({
    description: 'Why access is needed now, for the admins who review every use.',
    minLength: 20,
    maxLength: 2000,
    example: 'Client called in acute distress; her psychologist is on leave today.',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
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
  @ApiProperty() userDisplayName!: string;
  @ApiProperty() reason!: string;
}

export class BreakGlassGrantPage {
  @ApiProperty({ type: [BreakGlassGrantListItem] }) data!: BreakGlassGrantListItem[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ListBreakGlassQuery {
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;
}
