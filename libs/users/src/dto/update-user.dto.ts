import { ApiPropertyOptional } from '@nestjs/swagger';
import { Discipline, DISCIPLINES, Role, ROLES } from '@meridian/auth/access/role';
import { IsOmittable, Trim } from '@meridian/core';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  Length,
} from 'class-validator';

export class UpdateUserDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOmittable()
  @Trim()
  @IsString()
  @Length(1, 200)
  displayName?: string;

  @ApiPropertyOptional({ enum: Role, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each value in roles must be one of ${ROLES.join(', ')}` })
  roles?: Role[];

  @ApiPropertyOptional({ enum: Discipline, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(DISCIPLINES, {
    each: true,
    message: `each value in disciplines must be one of ${DISCIPLINES.join(', ')}`,
  })
  disciplines?: Discipline[];
}
