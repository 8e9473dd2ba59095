import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAllPages, ifMatch, unwrap, type Schemas } from '../../api/client';
import { clinicChanged } from '../../app/session/session-store';
import { planKeys } from '../plans/queries';

export type ClinicSettings = Schemas['ClinicResponse'];
export type ClinicChange = Schemas['UpdateClinicDto'];
export type Person = Schemas['UserResponse'];
export type NewPerson = Schemas['CreateUserDto'];
export type PersonChange = Schemas['UpdateUserDto'];
export type Role = Person['roles'][number];
export type Instrument = Schemas['InstrumentResponse'];
export type NewScale = Schemas['CreateClinicScaleDto'];
export type FailedEmail = Schemas['NotificationResponse'];

/**
 * Keys start with the resource, so a change to a person refreshes both the people list and
 * the staff directory every other screen reads (`['users', 'directory']`).
 */
export const adminKeys = {
  clinic: ['clinic'] as const,
  users: ['users'] as const,
  people: ['users', 'people'] as const,
  failedEmails: ['notifications', 'failed'] as const,
};

/** As many as the route gives at once: a clinic's staff is one or two pages. */
const PAGE = 200;

/** The clinic's settings as they are now, with the version a change is made on. */
export function useClinicSettings() {
  return useQuery({
    queryKey: adminKeys.clinic,
    queryFn: () => unwrap(api.GET('/api/v1/clinic')),
  });
}

/** A change to the settings made on `version`: 412 when a colleague saved in between. */
export function useUpdateClinic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: ClinicChange }) =>
      unwrap(api.PATCH('/api/v1/clinic', { params: { header: ifMatch(version) }, body })),
    onSuccess: (clinic) => {
      queryClient.setQueryData(adminKeys.clinic, clinic);
      // The name in the header, the time zone of every day and slot, the default language.
      clinicChanged(clinic);
    },
  });
}

/**
 * The clinic as the API has it now, whatever the cache holds (after a 412); the app follows
 * the colleague's settings at once, as it does the user's own.
 */
export async function fetchClinicSettings(): Promise<ClinicSettings> {
  const latest = await unwrap(api.GET('/api/v1/clinic'));
  clinicChanged(latest);
  return latest;
}

/** A full staff record: admins and managers get these; anybody else directory entries. */
function isFullRecord(user: Schemas['StaffDirectoryEntry'] | Person): user is Person {
  return 'email' in user && 'version' in user;
}

/**
 * Everyone who works or worked at the clinic, with e-mail, sign-in state and version, by
 * name: active people first. Only for those who may read full records (`users:read`).
 */
export function usePeople(enabled = true) {
  return useQuery({
    queryKey: adminKeys.people,
    enabled,
    queryFn: async (): Promise<Person[]> => {
      const users = await fetchAllPages((cursor) =>
        api.GET('/api/v1/users', { params: { query: { limit: PAGE, cursor } } }),
      );
      return users.filter(isFullRecord).sort(byStatusThenName);
    },
  });
}

function byStatusThenName(a: Person, b: Person): number {
  if (a.status !== b.status) return a.status === 'active' ? -1 : 1;
  return a.displayName.localeCompare(b.displayName);
}

/** One person as the API has it now (after a 412, or when opened from a link). */
export async function fetchPerson(id: string): Promise<Person> {
  const user = await unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } }));
  if (!isFullRecord(user)) throw new Error('Expected a full staff record');
  return user;
}

/** A person created, changed or deactivated: the list, the directory and the drawer ask again. */
function peopleChanged(queryClient: ReturnType<typeof useQueryClient>, person: Person): void {
  queryClient.setQueryData<Person[]>(adminKeys.people, (before) => {
    if (!before) return before;
    const others = before.filter((other) => other.id !== person.id);
    return [...others, person].sort(byStatusThenName);
  });
  void queryClient.invalidateQueries({ queryKey: adminKeys.users });
}

/** A new staff member, with a password they must change at first sign-in. */
export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NewPerson; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/users', {
          params: { header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: (person) => peopleChanged(queryClient, person),
  });
}

/** Roles or disciplines changed on `version`: 412 when a colleague saved in between. */
export function useUpdatePerson(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: PersonChange }) =>
      unwrap(
        api.PATCH('/api/v1/users/{id}', {
          params: { path: { id }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: (person) => peopleChanged(queryClient, person),
  });
}

/** Ends the person's access: every session revoked, sign-in refused from now on. */
export function useDeactivatePerson(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/users/{id}/deactivate', { params: { path: { id } } })),
    onSuccess: (person) => peopleChanged(queryClient, person),
  });
}

/**
 * A temporary password for a colleague who forgot theirs: they choose their own at the next
 * sign-in, and every session of theirs ends now.
 */
export function useSetTemporaryPassword(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) =>
      unwrap(
        api.POST('/api/v1/users/{id}/temporary-password', {
          params: { path: { id } },
          body: { password },
        }),
      ),
    onSuccess: (person) => peopleChanged(queryClient, person),
  });
}

/** Adds a numeric scale to the clinic's instruments; plans and measurements offer it next. */
export function useAddScale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NewScale; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/instruments', {
          params: { header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: planKeys.instruments }),
  });
}

/** The e-mails that failed for good, most recently changed first (the API gives 100 at most). */
export function useFailedEmails() {
  return useQuery({
    queryKey: adminKeys.failedEmails,
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/notifications', { params: { query: { status: 'failed' } } })))
        .data,
  });
}
