import { ApiProperty } from '@nestjs/swagger';
import { Discipline, DISCIPLINES } from '@meridian/auth/access/role';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsUUID, ValidateNested } from 'class-validator';

export class CareTeamMemberDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId!: string;

  @ApiProperty({ enum: Discipline })
  @IsIn(DISCIPLINES, { message: `discipline must be one of ${DISCIPLINES.join(', ')}` })
  discipline!: Discipline;
}

export class PutCareTeamDto {
  @ApiProperty({
    type: [CareTeamMemberDto],
    description: 'The whole team: who is left out leaves it.',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CareTeamMemberDto)
  members!: CareTeamMemberDto[];
}

export class CareTeamMemberResponse {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: Discipline }) discipline!: string;
  @ApiProperty({ example: '2026-11-24', description: 'Start of the treatment relationship.' })
  since!: string;
}

export class CareTeamResponse {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ type: [CareTeamMemberResponse] }) members!: CareTeamMemberResponse[];
}
