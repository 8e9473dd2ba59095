import { ApiProperty } from '@nestjs/swagger';
import { GOAL_STATUSES } from '../plan-content';
import { PhaseResponse } from './plan.response';

export class SeriesPointResponse {
  @ApiProperty({ format: 'uuid' }) measurementId!: string;
  @ApiProperty({ example: '2026-12-15' }) takenOn!: string;
  @ApiProperty({ example: 9, description: 'The score the server computed.' }) value!: number;
}

export class GoalProgressResponse {
  @ApiProperty({ format: 'uuid' }) goalId!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ example: 'PHQ-9' }) instrument!: string;
  @ApiProperty({ enum: ['lower-is-better', 'higher-is-better'] }) direction!: string;
  @ApiProperty() target!: number;
  @ApiProperty({ enum: GOAL_STATUSES }) status!: string;
  @ApiProperty({ type: Number, nullable: true }) baseline!: number | null;
  @ApiProperty({
    enum: ['goal', 'measurement'],
    nullable: true,
    description: 'The goal’s own baseline, or else the first measurement of the series.',
  })
  baselineSource!: string | null;
  @ApiProperty({
    type: SeriesPointResponse,
    nullable: true,
    description: 'The last measurement after the baseline.',
  })
  latest!: SeriesPointResponse | null;
  @ApiProperty({ type: Number, nullable: true, description: 'latest − baseline, as measured.' })
  change!: number | null;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description:
      'Whether the change is an improvement of at least the instrument’s meaningful change (PHQ-9 5, GAD-7 4, MYMOP2 1.0); null without a latest value or a defined meaningful change.',
  })
  meaningful!: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true }) targetReached!: boolean | null;
  @ApiProperty({
    type: [SeriesPointResponse],
    description:
      'Oldest first: the client’s measurements of the instrument linked to the plan or taken while it ran.',
  })
  series!: SeriesPointResponse[];
}

export class PhaseProgressResponse {
  @ApiProperty({ example: 1, description: 'Position in the plan, from 1.' }) number!: number;
  @ApiProperty({ type: PhaseResponse }) phase!: PhaseResponse;
  @ApiProperty({ example: 12, description: 'Days after today to the phase’s last day.' })
  daysLeft!: number;
}

export class UpcomingPhaseResponse {
  @ApiProperty({ example: 2, description: 'Position in the plan, from 1.' }) number!: number;
  @ApiProperty({ type: PhaseResponse }) phase!: PhaseResponse;
  @ApiProperty({ example: 19, description: 'Days from today to the phase’s first day.' })
  startsInDays!: number;
}

export class TreatmentPlanProgressResponse {
  @ApiProperty({ format: 'uuid' }) treatmentPlanId!: string;
  @ApiProperty({ example: '2026-11-24', description: 'Today in the clinic’s time zone.' })
  asOf!: string;
  @ApiProperty({ type: PhaseProgressResponse, nullable: true })
  currentPhase!: PhaseProgressResponse | null;
  @ApiProperty({ type: UpcomingPhaseResponse, nullable: true })
  nextPhase!: UpcomingPhaseResponse | null;
  @ApiProperty({ type: [GoalProgressResponse] }) goals!: GoalProgressResponse[];
}
