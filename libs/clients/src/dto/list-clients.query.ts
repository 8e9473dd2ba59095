import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@meridian/core';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { CLIENT_STATUSES, ClientStatus } from '../client.entity';

export class ListClientsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CLIENT_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(CLIENT_STATUSES)
  status: ClientStatus = 'active';

  @ApiPropertyOptional({ format: 'uuid', description: 'Clients on this practitioner’s care team.' })
  @IsOptional()
  @IsUUID()
  practitionerId?: string;
}
