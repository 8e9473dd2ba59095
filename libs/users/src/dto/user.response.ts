import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { Discipline, Role } from '@meridian/auth/access/role';
import { USER_STATUSES, UserEntity, UserStatus } from '../user.entity';

/** What every colleague may see: the staff directory. */
export class StaffDirectoryEntry {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: Role, isArray: true }) roles!: Role[];
  @ApiProperty({ enum: Discipline, isArray: true }) disciplines!: Discipline[];
  @ApiProperty({ enum: USER_STATUSES }) status!: UserStatus;
}

/** The full staff record, for admins and managers. */
export class UserResponse extends StaffDirectoryEntry {
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty() mfaEnrolled!: boolean;
  @ApiProperty() passwordChangeRequired!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  deactivatedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class UserPage {
  @ApiProperty({
    description: 'Full records for admins and managers, directory entries for everyone else.',
    type: 'array',
    // anyOf, not oneOf: a full record is a directory entry with more fields, so it is both.
    anyOf: [{ $ref: getSchemaPath(UserResponse) }, { $ref: getSchemaPath(StaffDirectoryEntry) }],
  })
  data!: (UserResponse | StaffDirectoryEntry)[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export function toDirectoryEntry(user: UserEntity): StaffDirectoryEntry {
  return {
    id: user.id,
    displayName: user.displayName,
    roles: user.roles as Role[],
    disciplines: user.disciplines as Discipline[],
    status: user.status,
  };
}

export function toUserResponse(user: UserEntity): UserResponse {
  return {
    ...toDirectoryEntry(user),
    email: user.email,
    mfaEnrolled: user.mfaEnrolledAt !== null,
    passwordChangeRequired: user.passwordChangeRequired,
    deactivatedAt: user.deactivatedAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    version: user.version,
  };
}
