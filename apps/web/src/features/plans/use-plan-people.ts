import { useMemo } from 'react';
import { useClinic } from '../../app/clinic-context';
import { useCareTeam } from '../clients/queries';
import { useStaffDirectory } from '../staff/queries';
import type { PractitionerOption } from './plan-form-types';

/**
 * Who a plan can name: the client's care team, by practitioner with their disciplines on the
 * team. The author can lead (a plan is drafted by its lead more often than not), and so can
 * whoever leads it now or does an intervention now, should they have left the team.
 */
export function usePlanPeople(clientId: string, keep: readonly string[] = []) {
  const { me } = useClinic();
  const team = useCareTeam(clientId);
  const staff = useStaffDirectory();
  const keepKey = keep.join(',');
  const people = useMemo(() => {
    const byId = new Map<string, PractitionerOption>();
    for (const member of team.data?.members ?? []) {
      const known = byId.get(member.userId);
      byId.set(member.userId, {
        id: member.userId,
        name: member.displayName,
        disciplines: [...(known?.disciplines ?? []), member.discipline],
      });
    }
    const practitioners = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
    const leads = [...practitioners];
    const add = (id: string, name: string, disciplines: readonly string[]) => {
      if (!leads.some((lead) => lead.id === id)) leads.push({ id, name, disciplines });
    };
    if (me.roles.includes('practitioner')) add(me.id, me.displayName, me.disciplines);
    for (const id of keepKey ? keepKey.split(',') : []) {
      const member = staff.data?.find((person) => person.id === id);
      if (member) {
        add(id, member.displayName, member.disciplines);
        if (!practitioners.some((person) => person.id === id)) {
          practitioners.push({ id, name: member.displayName, disciplines: member.disciplines });
        }
      }
    }
    return { leads, practitioners };
  }, [team.data, staff.data, me, keepKey]);
  return { ...people, team };
}
