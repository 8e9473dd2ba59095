import { ActionIcon, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { useClinic } from '../../app/clinic-context';
import { showProblem } from '../../ui/problems';
import { QueryState } from '../../ui/QueryState';
import { notifyDone } from '../../ui/notify';
import type { Client } from './client-form';
import { usePractitioners } from '../staff/queries';
import { useCareTeam, usePutCareTeam } from './queries';
import classes from './clients.module.css';

type Member = Schemas['CareTeamMemberResponse'];
type Discipline = Member['discipline'];

/**
 * The practitioners with a treatment relationship to the client, by discipline and since
 * when. Reception reads it; those who may set any team (managers, admins) change it here.
 */
export function CareTeamTab({ client }: { client: Client }) {
  const { t } = useTranslation('clients');
  const { t: tc } = useTranslation();
  const { can, format } = useClinic();
  const team = useCareTeam(client.id);
  const [editing, setEditing] = useState(false);
  const mayManage = can('care-team:manage') && client.erasedAt === null;

  return (
    <Paper withBorder p="lg">
      <QueryState query={team}>
        {({ members }) =>
          editing && mayManage ? (
            <EditCareTeam clientId={client.id} members={members} onDone={() => setEditing(false)} />
          ) : (
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={2} size="h4">
                  {t('careTeam.title')}
                </Title>
                {mayManage && (
                  <Button
                    variant="default"
                    leftSection={<IconPencil size={16} aria-hidden />}
                    onClick={() => setEditing(true)}
                  >
                    {tc('actions.edit')}
                  </Button>
                )}
              </Group>
              {members.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('careTeam.empty')}
                </Text>
              ) : (
                <Table verticalSpacing="xs" fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('careTeam.member')}</Table.Th>
                      <Table.Th>{t('careTeam.discipline')}</Table.Th>
                      <Table.Th>{t('careTeam.since')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {members.map((member) => (
                      <Table.Tr key={`${member.userId}-${member.discipline}`}>
                        <Table.Td fw={500}>{member.displayName}</Table.Td>
                        <Table.Td>{tc(`disciplines.${member.discipline}`)}</Table.Td>
                        <Table.Td>{format.date(member.since)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {!mayManage && (
                <Text size="xs" c="dimmed">
                  {t('careTeam.readOnly')}
                </Text>
              )}
            </Stack>
          )
        }
      </QueryState>
    </Paper>
  );
}

/** React keys of the editor's rows (`crypto.randomUUID` is missing on a plain-http address). */
let lastRowKey = 0;
const rowKey = () => String(++lastRowKey);

interface Row {
  key: string;
  userId: string | null;
  discipline: Discipline | null;
}

function EditCareTeam({
  clientId,
  members,
  onDone,
}: {
  clientId: string;
  members: Member[];
  onDone(): void;
}) {
  const { t } = useTranslation('clients');
  const { t: tc, i18n } = useTranslation();
  const staff = usePractitioners();
  const put = usePutCareTeam(clientId);
  const [rows, setRows] = useState<Row[]>(() =>
    members.map((member) => ({
      key: rowKey(),
      userId: member.userId,
      discipline: member.discipline,
    })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const practitioners = staff.data ?? [];
  const change = (key: string, patch: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const save = async () => {
    const incomplete: Record<string, string> = {};
    rows.forEach((row, index) => {
      if (!row.userId) incomplete[`members.${index}.userId`] = t('careTeam.pickMember');
      else if (!row.discipline) {
        incomplete[`members.${index}.discipline`] = t('careTeam.pickDiscipline');
      }
    });
    setErrors(incomplete);
    if (Object.keys(incomplete).length > 0) return;
    try {
      await put.mutateAsync(
        rows.map((row) => ({ userId: row.userId!, discipline: row.discipline! })),
      );
      notifyDone(t('careTeam.saved'));
      onDone();
    } catch (error) {
      showProblem(
        error,
        { setErrors },
        (path) => /^members\.\d+\.(userId|discipline)$/.test(path),
        tc,
        i18n.language,
      );
    }
  };

  return (
    <Stack gap="sm" className={classes.readableErrors}>
      <Title order={2} size="h4">
        {t('careTeam.editTitle')}
      </Title>
      <QueryState query={staff}>
        {() => (
          <Stack gap="xs">
            {rows.map((row, index) => {
              const practitioner = practitioners.find((p) => p.id === row.userId);
              return (
                <Group key={row.key} gap="sm" align="flex-start" wrap="nowrap">
                  <Select
                    style={{ flex: 2 }}
                    label={t('careTeam.member')}
                    searchable
                    data={practitioners.map((p) => ({ value: p.id, label: p.displayName }))}
                    value={row.userId}
                    onChange={(userId) => {
                      const disciplines =
                        practitioners.find((p) => p.id === userId)?.disciplines ?? [];
                      change(row.key, {
                        userId,
                        discipline: disciplines.length === 1 ? disciplines[0] : null,
                      });
                    }}
                    error={errors[`members.${index}.userId`]}
                  />
                  <Select
                    style={{ flex: 1 }}
                    label={t('careTeam.discipline')}
                    data={(practitioner?.disciplines ?? []).map((d) => ({
                      value: d,
                      label: tc(`disciplines.${d}`),
                    }))}
                    value={row.discipline}
                    onChange={(discipline) =>
                      change(row.key, { discipline: discipline as Discipline | null })
                    }
                    error={errors[`members.${index}.discipline`]}
                  />
                  <ActionIcon
                    mt={26}
                    size="lg"
                    variant="subtle"
                    color="red"
                    aria-label={t('careTeam.remove', {
                      name: practitioner?.displayName ?? t('careTeam.member'),
                    })}
                    onClick={() =>
                      setRows((current) => current.filter((other) => other.key !== row.key))
                    }
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              );
            })}
            <Group>
              <Button
                variant="subtle"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() =>
                  setRows((current) => [
                    ...current,
                    { key: rowKey(), userId: null, discipline: null },
                  ])
                }
              >
                {t('careTeam.add')}
              </Button>
            </Group>
          </Stack>
        )}
      </QueryState>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone} disabled={put.isPending}>
          {tc('actions.cancel')}
        </Button>
        <Button onClick={() => void save()} loading={put.isPending}>
          {tc('actions.save')}
        </Button>
      </Group>
    </Stack>
  );
}
