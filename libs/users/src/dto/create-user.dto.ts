import { Trim } from '@meridian/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Discipline, DISCIPLINES, Role, ROLES } from '@meridian/auth/access/role';
import { IsAcceptablePassword } from '@meridian/auth/passwords/is-acceptable-password.decorator';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';

export class CreateUserDto {
  @ApiProperty({ example: 'anna.devries@example.nl', maxLength: 254 })
  @Trim()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Anna de Vries', minLength: 1, maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  displayName!: string;

  @ApiProperty({ enum: Role, isArray: true, example: [Role.Practitioner] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each value in roles must be one of ${ROLES.join(', ')}` })
  roles!: Role[];

  @ApiPropertyOptional({
    enum: Discipline,
    isArray: true,
    description: 'Required (at least one) for practitioners; empty for everyone else.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(DISCIPLINES, {
    each: true,
    message: `each value in disciplines must be one of ${DISCIPLINES.join(', ')}`,
  })
  disciplines?: Discipline[];

  @ApiProperty({
    description:
      'Initial password, 12 to 128 characters and not a common one. The user must change it before doing anything else.',
    minLength: 12,
    maxLength: 128,
    format: 'password',
  })
  @IsString()
  @IsAcceptablePassword({ userInputFields: ['email', 'displayName'] })
  password!: string;
}
