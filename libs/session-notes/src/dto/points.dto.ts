import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class AcupuncturePointsQuery {
  @ApiPropertyOptional({
    example: 'ST',
    description: 'A meridian (LU … CV) or extra region (EX-HN …).',
  })
  @IsOptional()
  @IsString()
  @Length(1, 10)
  meridian?: string;

  @ApiPropertyOptional({
    example: 'three miles',
    description:
      'A code prefix (`st3`), or part of the pinyin name, tone marks optional (`zusanli`), or part of the English name (`three miles`); case-insensitive.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  q?: string;
}

export class AcupuncturePointResponse {
  @ApiProperty({ example: 'ST36' }) code!: string;
  @ApiProperty({ example: 'Zúsānlǐ' }) pinyin!: string;
  @ApiProperty({
    example: 'Leg Three Miles',
    description: 'The customary English translation of the point’s name; for reading, not a key.',
  })
  english!: string;
  @ApiProperty({ example: 'ST', description: 'Meridian, or extra region for extra points.' })
  meridian!: string;
}

export class AcupuncturePointList {
  @ApiProperty({ type: [AcupuncturePointResponse], description: 'In catalog order.' })
  data!: AcupuncturePointResponse[];
}
