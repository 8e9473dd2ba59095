import {
  hasPermission,
  MFA_PERMISSIONS,
  MFA_SESSION_PERMISSIONS,
  Permission,
  PERMISSIONS,
  ROLE_PERMISSIONS,
} from './permission';
import { Role, ROLES } from './role';

describe('role → permission table', () => {
  const holders = (permission: Permission) =>
    ROLES.filter((role) => hasPermission([role], permission));

  it('follows design section 4 for the identity routes', () => {
    expect(holders(Permission.ClinicRead)).toEqual(ROLES);
    expect(holders(Permission.ClinicWrite)).toEqual([Role.Admin]);
    expect(holders(Permission.UserDirectoryRead)).toEqual(ROLES);
    expect(holders(Permission.UserRead)).toEqual([Role.Admin, Role.Manager]);
    expect(holders(Permission.UserWrite)).toEqual([Role.Admin, Role.Manager]);
    expect(holders(Permission.AdminUserWrite)).toEqual([Role.Admin]);
    expect(holders(Permission.AuditRead)).toEqual([Role.Admin]);
    expect(holders(Permission.BreakGlassRead)).toEqual([Role.Admin]);
    expect(holders(Permission.ClientBreakGlass)).toEqual([Role.Practitioner]);
    expect(holders(Permission.OwnSession)).toEqual(ROLES);
    expect(holders(Permission.ClientRead)).toEqual(ROLES);
    expect(holders(Permission.ClientWrite)).toEqual([Role.Practitioner, Role.Receptionist]);
    expect(holders(Permission.CareTeamRead)).toEqual(ROLES);
    expect(holders(Permission.ConsentRead)).toEqual(ROLES);
    expect(holders(Permission.ConsentWrite)).toEqual([Role.Practitioner, Role.Receptionist]);
    expect(holders(Permission.CareTeamWrite)).toEqual([
      Role.Admin,
      Role.Manager,
      Role.Practitioner,
    ]);
    expect(holders(Permission.CareTeamManage)).toEqual([Role.Admin, Role.Manager]);
  });

  it('grants every permission to someone, and nothing to unknown roles', () => {
    for (const permission of PERMISSIONS) expect(holders(permission).length).toBeGreaterThan(0);
    expect(PERMISSIONS.some((permission) => hasPermission(['owner', 'root'], permission))).toBe(
      false,
    );
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });

  it('combines the permissions of several roles', () => {
    expect(hasPermission([Role.Receptionist, Role.Admin], Permission.AuditRead)).toBe(true);
  });

  it('requires an MFA session to read the access log and export a client', () => {
    expect(MFA_PERMISSIONS.has(Permission.AuditRead)).toBe(true);
    expect(MFA_PERMISSIONS.has(Permission.ClientExport)).toBe(true);
    expect(holders(Permission.ClientExport)).toEqual([Role.Admin]);
    expect(MFA_PERMISSIONS.has(Permission.ErasureDecide)).toBe(true);
    expect(holders(Permission.ErasureDecide)).toEqual([Role.Admin]);
    expect(holders(Permission.RetentionReviewRead)).toEqual([Role.Admin]);
    expect(holders(Permission.RetentionReviewDecide)).toEqual([Role.Admin]);
    expect(holders(Permission.NotificationRead)).toEqual([Role.Admin]);
    expect(holders(Permission.ErasureRequestWrite)).toEqual([Role.Admin, Role.Receptionist]);
  });

  it('requires an MFA session to set a colleague’s password, without making managers enrol', () => {
    expect(MFA_SESSION_PERMISSIONS.has(Permission.UserPasswordReset)).toBe(true);
    expect(MFA_PERMISSIONS.has(Permission.UserPasswordReset)).toBe(false);
    for (const permission of MFA_PERMISSIONS) {
      expect(MFA_SESSION_PERMISSIONS.has(permission)).toBe(true);
    }
    expect(holders(Permission.UserPasswordReset)).toEqual([Role.Admin, Role.Manager]);
  });

  it('keeps outcome measurements to practitioners (the care team is checked per record)', () => {
    expect(holders(Permission.MeasurementRead)).toEqual([Role.Practitioner]);
    expect(holders(Permission.MeasurementWrite)).toEqual([Role.Practitioner]);
    expect(holders(Permission.InstrumentWrite)).toEqual([Role.Admin]);
    expect(holders(Permission.InstrumentRead)).not.toContain(Role.Receptionist);
  });

  it('gives reports to managers and admins, practitioners their caseload, reception none', () => {
    expect(holders(Permission.ReportRead)).toEqual([Role.Admin, Role.Manager, Role.Practitioner]);
    expect(holders(Permission.ReportReadAll)).toEqual([Role.Admin, Role.Manager]);
  });
});
