import { useQuery } from '@tanstack/react-query';
import { api, fetchAllPages, type Schemas } from '../../api/client';

/**
 * A colleague as the staff directory shows them: name, roles, disciplines and status, what
 * every role may read of colleagues. Admins and managers get full user records from the same
 * route; the directory keeps only these fields, so every screen works with one shape.
 */
export type StaffMember = Schemas['StaffDirectoryEntry'];
export type Discipline = StaffMember['disciplines'][number];

export const staffKeys = {
  directory: ['users', 'directory'] as const,
};

/** As many as the route gives at once: a clinic's staff is one or two pages. */
const PAGE = 200;

/** The whole directory, page after page, deactivated colleagues included, by name. */
async function fetchDirectory(): Promise<StaffMember[]> {
  const users = await fetchAllPages((cursor) =>
    api.GET('/api/v1/users', { params: { query: { limit: PAGE, cursor } } }),
  );
  return users
    .map(({ id, displayName, roles, disciplines, status }) => ({
      id,
      displayName,
      roles,
      disciplines,
      status,
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Colleagues who still work at the clinic. */
export function activeStaff(staff: readonly StaffMember[]): StaffMember[] {
  return staff.filter((member) => member.status === 'active');
}

/** Active practitioners: who can be booked, be on a care team. */
export function activePractitioners(staff: readonly StaffMember[]): StaffMember[] {
  return staff.filter(
    (member) => member.status === 'active' && member.roles.includes('practitioner'),
  );
}

/** Active practitioners who practise `discipline`. */
export function byDiscipline(staff: readonly StaffMember[], discipline: Discipline): StaffMember[] {
  return activePractitioners(staff).filter((member) => member.disciplines.includes(discipline));
}

/**
 * The clinic's staff directory, read once and shared by every screen (one query, one cache
 * entry), by name; `select` narrows it (`activeStaff`, `activePractitioners`). Deactivated
 * colleagues are in it: a consent recorded by someone who has left still names them.
 */
export function useStaffDirectory<T = StaffMember[]>(
  options: { select?: (staff: StaffMember[]) => T; enabled?: boolean } = {},
) {
  return useQuery<StaffMember[], Error, T, typeof staffKeys.directory>({
    queryKey: staffKeys.directory,
    queryFn: fetchDirectory,
    select: options.select,
    enabled: options.enabled ?? true,
    staleTime: 5 * 60_000,
  });
}

/** The active practitioners, by name: the calendar's columns, a care team's choices. */
export function usePractitioners() {
  return useStaffDirectory({ select: activePractitioners });
}

/** The active colleagues, by name: who a task may be assigned to. */
export function useActiveStaff() {
  return useStaffDirectory({ select: activeStaff });
}
