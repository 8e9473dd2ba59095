import { ApiProperty } from '@nestjs/swagger';
import { PeriodQuery } from '@meridian/core';

/** The period of an access overview. */
export class AccessOverviewQuery extends PeriodQuery {}

export class AccessOverviewActor {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) id!: string | null;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
}

export class AccessOverviewEntry {
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: AccessOverviewActor }) actor!: AccessOverviewActor;
  @ApiProperty({ example: 'read' }) action!: string;
  @ApiProperty({
    example: 'client',
    description: 'What was touched: the record, consents, care team...',
  })
  dataCategory!: string;
  @ApiProperty({
    enum: ['acupuncture', 'psychology', 'nutrition', 'training'],
    nullable: true,
    type: String,
    description:
      "For a session note or an addendum to one: the note's discipline (null otherwise, and once the note is erased).",
  })
  noteDiscipline!: string | null;
  @ApiProperty({ enum: ['treatment', 'administration', 'break-glass'] }) purpose!: string;
  @ApiProperty({ description: 'Emergency access outside the care team.' }) breakGlass!: boolean;
  @ApiProperty({ enum: ['success', 'denied', 'error'] }) outcome!: string;
}

export class AccessOverviewResponse {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ type: [AccessOverviewEntry], description: 'Oldest first.' })
  entries!: AccessOverviewEntry[];
  @ApiProperty({
    description: 'True when the period holds more than the entries shown; narrow it.',
  })
  truncated!: boolean;
}
