import { ApiPropertyOptional } from '@nestjs/swagger';
import { Role, ROLES } from '@meridian/auth/access/role';
import { PageQuery } from '@meridian/core';
import { IsIn, IsOptional } from 'class-validator';
import { USER_STATUSES, UserStatus } from '../user.entity';

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: USER_STATUSES })
  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: UserStatus;

  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}
