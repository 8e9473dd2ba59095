import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsDateOfBirth, IsOmittable, Trim } from '@meridian/core';
import { IsString, Length } from 'class-validator';
import { CreateClientDto } from './create-client.dto';

/**
 * Any subset of the fields of a create. Name and date of birth can be changed, never cleared
 * (null is refused); the other fields take null to clear them. Consents are not part of the
 * record: they are recorded and withdrawn through their own routes.
 */
export class UpdateClientDto extends PartialType(
  OmitType(CreateClientDto, ['firstName', 'lastName', 'dateOfBirth', 'consents'] as const),
) {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IsOmittable()
  @Trim()
  @IsString()
  @Length(1, 100)
  firstName?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IsOmittable()
  @Trim()
  @IsString()
  @Length(1, 100)
  lastName?: string;

  @ApiPropertyOptional({ example: '1984-03-02' })
  @IsOmittable()
  @IsDateOfBirth()
  dateOfBirth?: string;
}
