import { ApiProperty } from '@nestjs/swagger';
import { IsAcceptablePassword } from '@meridian/auth/passwords/is-acceptable-password.decorator';
import { IsString } from 'class-validator';

/** A password an admin sets for a colleague who forgot theirs. */
export class TemporaryPasswordDto {
  @ApiProperty({
    description:
      'The temporary password, 12 to 128 characters and not a common one. The user must change it before doing anything else.',
    minLength: 12,
    maxLength: 128,
    format: 'password',
  })
  @IsString()
  @IsAcceptablePassword()
  password!: string;
}
