import { Role } from './role';

/**
 * What a route may require. Routes declare a permission, never a role, so that who may do
 * what is decided in one table ({@link ROLE_PERMISSIONS}) and can be read and tested there.
 */
export enum Permission {
  /** GET /auth/me, logout and the password change: every signed-in user, about themself. */
  OwnSession = 'session:own',
  ClinicRead = 'clinic:read',
  ClinicWrite = 'clinic:write',
  /** The staff directory: names, roles and disciplines of colleagues. */
  UserDirectoryRead = 'users:directory',
  /** Full staff records: e-mail, status, MFA enrolment. */
  UserRead = 'users:read',
  /** Create, change and deactivate staff who are not admins. */
  UserWrite = 'users:write',
  /** Create, change and deactivate admins, and grant the admin role. */
  AdminUserWrite = 'users:write-admin',
  /**
   * Set a temporary password for a colleague who forgot theirs (an admin's only with
   * AdminUserWrite). Whoever sets it knows it: a second factor is required.
   */
  UserPasswordReset = 'users:password-reset',
  /** Client identity and contact; the intake only with clinical access (care team, broken glass). */
  ClientRead = 'clients:read',
  /** Register clients and change identity and contact; archive and unarchive. */
  ClientWrite = 'clients:write',
  ConsentRead = 'consents:read',
  /** Record and withdraw consents. */
  ConsentWrite = 'consents:write',
  CareTeamRead = 'care-team:read',
  /** Change a client's care team: practitioners only themselves, when booked with the client. */
  CareTeamWrite = 'care-team:write',
  /** Set any care team of the clinic's practitioners. */
  CareTeamManage = 'care-team:manage',
  ClientBreakGlass = 'clients:break-glass',
  BreakGlassRead = 'break-glass:read',
  /** Export everything held on a client (data-subject requests). */
  ClientExport = 'clients:export',
  /** Record that a client asked for erasure. */
  ErasureRequestWrite = 'erasure-requests:write',
  ErasureRequestRead = 'erasure-requests:read',
  /** Refuse or execute an erasure. */
  ErasureDecide = 'erasure-requests:decide',
  /** The records listed as past the retention period. */
  RetentionReviewRead = 'retention-reviews:read',
  /** Retain a listed record, or have it destroyed through an erasure request. */
  RetentionReviewDecide = 'retention-reviews:decide',
  AuditRead = 'audit:read',
  /** The catalog of outcome instruments: questionnaires and the clinic's scales. */
  InstrumentRead = 'instruments:read',
  /** Add a numeric scale to the clinic's catalog. */
  InstrumentWrite = 'instruments:write',
  /** A client's outcome measurements: clinical, so care team (or broken glass) as well. */
  MeasurementRead = 'measurements:read',
  MeasurementWrite = 'measurements:write',
  /**
   * A client's treatment plans, in the view the role allows: the care team all of it,
   * reception title and status, managers the status.
   */
  TreatmentPlanRead = 'treatment-plans:read',
  /** Create, change, activate, complete and cancel plans: with clinical access as well. */
  TreatmentPlanWrite = 'treatment-plans:write',
  /** Goals against measurements: clinical, so care team (or broken glass) as well. */
  TreatmentPlanProgressRead = 'treatment-plans:progress',
  /**
   * A client's session notes: with clinical access as well, psychology content for
   * psychologists on the care team only.
   */
  SessionNoteRead = 'session-notes:read',
  /** Write notes in one's own disciplines, sign one's drafts, add addenda. */
  SessionNoteWrite = 'session-notes:write',
  /** The acupuncture point catalog, for pickers. */
  AcupuncturePointRead = 'acupuncture-points:read',
  /** Appointments with client name and type: practitioners their own, the desk all. */
  AppointmentRead = 'appointments:read',
  /** Book, move, check in, complete, mark no-shows, cancel: practitioners their own. */
  AppointmentWrite = 'appointments:write',
  FollowUpRead = 'follow-ups:read',
  /** Create, change, complete and cancel follow-up tasks. */
  FollowUpWrite = 'follow-ups:write',
  /** The delivery record of e-mail (failed messages above all), to act on: admins. */
  NotificationRead = 'notifications:read',
  /** Aggregate reports: practitioners on their own caseload. */
  ReportRead = 'reports:read',
  /** Reports on the whole clinic and on any practitioner's caseload. */
  ReportReadAll = 'reports:read-all',
}

export const PERMISSIONS = Object.values(Permission);

/** Design section 4, as far as the routes built so far need it. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.Admin]: [
    Permission.OwnSession,
    Permission.ClinicRead,
    Permission.ClinicWrite,
    Permission.UserDirectoryRead,
    Permission.UserRead,
    Permission.UserWrite,
    Permission.AdminUserWrite,
    Permission.UserPasswordReset,
    Permission.ClientRead,
    Permission.ConsentRead,
    Permission.CareTeamRead,
    Permission.CareTeamWrite,
    Permission.CareTeamManage,
    Permission.BreakGlassRead,
    Permission.ClientExport,
    Permission.ErasureRequestWrite,
    Permission.ErasureRequestRead,
    Permission.ErasureDecide,
    Permission.RetentionReviewRead,
    Permission.RetentionReviewDecide,
    Permission.AuditRead,
    Permission.InstrumentRead,
    Permission.InstrumentWrite,
    Permission.AppointmentRead,
    Permission.FollowUpRead,
    Permission.NotificationRead,
    Permission.ReportRead,
    Permission.ReportReadAll,
  ],
  [Role.Manager]: [
    Permission.OwnSession,
    Permission.ClinicRead,
    Permission.UserDirectoryRead,
    Permission.UserRead,
    Permission.UserWrite,
    Permission.UserPasswordReset,
    Permission.ClientRead,
    Permission.ConsentRead,
    Permission.CareTeamRead,
    Permission.CareTeamWrite,
    Permission.CareTeamManage,
    Permission.InstrumentRead,
    Permission.TreatmentPlanRead,
    Permission.AppointmentRead,
    Permission.FollowUpRead,
    Permission.ReportRead,
    Permission.ReportReadAll,
  ],
  [Role.Practitioner]: [
    Permission.OwnSession,
    Permission.ClinicRead,
    Permission.UserDirectoryRead,
    Permission.ClientRead,
    Permission.ClientWrite,
    Permission.ConsentRead,
    Permission.ConsentWrite,
    Permission.CareTeamRead,
    Permission.CareTeamWrite,
    Permission.ClientBreakGlass,
    Permission.InstrumentRead,
    Permission.MeasurementRead,
    Permission.MeasurementWrite,
    Permission.TreatmentPlanRead,
    Permission.TreatmentPlanWrite,
    Permission.TreatmentPlanProgressRead,
    Permission.SessionNoteRead,
    Permission.SessionNoteWrite,
    Permission.AcupuncturePointRead,
    Permission.AppointmentRead,
    Permission.AppointmentWrite,
    Permission.FollowUpRead,
    Permission.FollowUpWrite,
    Permission.ReportRead,
  ],
  [Role.Receptionist]: [
    Permission.OwnSession,
    Permission.ClinicRead,
    Permission.UserDirectoryRead,
    Permission.ClientRead,
    Permission.ClientWrite,
    Permission.ConsentRead,
    Permission.ConsentWrite,
    Permission.CareTeamRead,
    Permission.ErasureRequestWrite,
    Permission.TreatmentPlanRead,
    Permission.AppointmentRead,
    Permission.AppointmentWrite,
    Permission.FollowUpRead,
    Permission.FollowUpWrite,
  ],
};

/**
 * Permissions that a session must have passed a second factor to use, whatever the clinic's
 * MFA setting: reading who accessed which record is itself sensitive. Whoever holds one sets up
 * a second factor at sign-in.
 */
export const MFA_PERMISSIONS: ReadonlySet<Permission> = new Set([
  Permission.AuditRead,
  Permission.ClientExport,
  Permission.ErasureDecide,
]);

/**
 * All that need a session that passed a second factor: the above, and setting a colleague's
 * password (whoever sets it knows it, so a stolen session must not do it). The latter does not
 * make its holders (managers) set up a second factor: without one, they cannot use it.
 */
export const MFA_SESSION_PERMISSIONS: ReadonlySet<Permission> = new Set([
  ...MFA_PERMISSIONS,
  Permission.UserPasswordReset,
]);

/** Whether any of `roles` grants `permission`. Unknown role names grant nothing. */
export function hasPermission(roles: readonly string[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role as Role]?.includes(permission) ?? false);
}
