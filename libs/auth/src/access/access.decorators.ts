import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { MFA_SESSION_PERMISSIONS, Permission } from './permission';

export const PUBLIC_ROUTE = 'meridian:public';
export const REQUIRED_PERMISSION = 'meridian:permission';
export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'meridian:before-password-change';

/** Opens a route to callers without a session. Every other route requires one (default deny). */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension('x-permission', 'public'));

/**
 * The permission a route requires; also documents it (and the bearer scheme) in OpenAPI.
 * A route with neither this nor {@link Public} is refused to everyone.
 */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiBearerAuth(),
    ApiExtension('x-permission', permission),
    ApiExtension('x-mfa-session-required', MFA_SESSION_PERMISSIONS.has(permission)),
  );

/**
 * Lets a user whose password was set by an admin call this route before changing it (the
 * password change itself and logout). Every other route refuses them.
 */
export const AllowedBeforePasswordChange = (): MethodDecorator =>
  SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);
