import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsPastDate, PageQuery } from '@meridian/core';
import { IsArray, IsNumber, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { MeasurementEntity } from '../measurement.entity';

export class RecordMeasurementDto {
  @ApiProperty({ example: 'PHQ-9', description: 'A code from `GET /instruments`.' })
  @IsString()
  @Length(1, 20)
  instrument!: string;

  @ApiPropertyOptional({
    type: [Number],
    example: [1, 2, 1, 0, 2, 1, 0, 1, 0],
    description:
      'Questionnaires: every item’s answer, in item order, as integers in the item range. The server computes the score: never send a total.',
  })
  @IsOptional()
  @IsArray()
  answers?: unknown[];

  @ApiPropertyOptional({ example: 6.5, description: 'Scales: the value measured, in its range.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number;

  @ApiProperty({ example: '2026-11-20', description: 'When it was taken: not in the future.' })
  @IsPastDate()
  takenOn!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The client’s treatment plan the measurement was taken for.',
  })
  @IsOptional()
  @IsUUID()
  treatmentPlanId?: string;
}

export class ListMeasurementsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'PHQ-9', description: 'Only this instrument.' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,20}$/i)
  instrument?: string;
}

export class MeasurementResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ example: 'PHQ-9' }) instrument!: string;
  @ApiProperty({ type: [Number], nullable: true }) answers!: number[] | null;
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  @ApiProperty({ example: 8, description: 'Computed by the server.' }) score!: number;
  @ApiProperty({ type: String, nullable: true, example: 'mild' }) band!: string | null;
  @ApiProperty({
    type: [String],
    example: [],
    description: '`self-harm-risk` when PHQ-9 item 9 is above 0: an urgent follow-up is raised.',
  })
  flags!: string[];
  @ApiProperty({ example: '2026-11-20' }) takenOn!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) treatmentPlanId!: string | null;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class MeasurementPage {
  @ApiProperty({ type: [MeasurementResponse], description: 'Newest first.' })
  data!: MeasurementResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export function toMeasurementResponse(measurement: MeasurementEntity): MeasurementResponse {
  return {
    id: measurement.id,
    clientId: measurement.clientId,
    instrument: measurement.instrument,
    answers: measurement.answers,
    value: measurement.value,
    score: measurement.score,
    band: measurement.band,
    flags: measurement.flags,
    takenOn: measurement.takenOn,
    treatmentPlanId: measurement.treatmentPlanId,
    recordedBy: measurement.recordedBy,
    createdAt: measurement.createdAt.toISOString(),
  };
}
