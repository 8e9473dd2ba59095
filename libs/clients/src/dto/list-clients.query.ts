import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@meridian/core';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CLIENT_STATUSES, ClientStatus } from '../client.entity';

export class ListClientsQuery extends PageQuery {
  @ApiPropertyOptional({
    maxLength: 1000,
    description:
      'A (partial or misspelled) name, client number (C-000123), e-mail, phone (any notation) or date of birth (1984-03-02 or 02-03-1984). Names are ranked best match first.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  search?: string;

  @ApiPropertyOptional({ enum: CLIENT_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(CLIENT_STATUSES)
  status: ClientStatus = 'active';

  @ApiPropertyOptional({ format: 'uuid', description: 'Clients on this practitioner’s care team.' })
  @IsOptional()
  @IsUUID()
  practitionerId?: string;
}
