import { Badge, Button, Group, Paper, Table, Text, UnstyledButton } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { QueryState } from '../../ui/QueryState';
import { NewPersonDialog } from './NewPersonDialog';
import { PersonDrawer } from './PersonDrawer';
import { usePeople, type Person } from './queries';
import { SignInState } from './SignInState';
import classes from './admin.module.css';

/**
 * Everyone who works or worked at the clinic, with what they may do and how they sign in; a
 * person opens beside the list (`user=<id>` in the URL). Admins and managers; managers cannot
 * make or change admins, and the screen does not offer it.
 */
export function PeopleSection() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { can } = useClinic();
  const search = useSearch({ from: '/admin/$section' });
  const navigate = useNavigate({ from: '/admin/$section' });
  const [adding, setAdding] = useState(false);
  const query = usePeople();
  const open = (id: string | undefined) =>
    void navigate({ search: (prev) => ({ ...prev, user: id }), replace: id === undefined });

  return (
    <>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {query.data &&
            t('people.summary', {
              active: query.data.filter((p) => p.status === 'active').length,
              deactivated: query.data.filter((p) => p.status === 'deactivated').length,
            })}
        </Text>
        {can('users:write') && (
          <Button
            leftSection={<IconUserPlus size={16} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            {t('people.new.open')}
          </Button>
        )}
      </Group>
      <QueryState query={query}>
        {(people) => (
          <Paper withBorder radius="sm">
            <Table.ScrollContainer minWidth={700} type="native">
              <Table
                layout="fixed"
                verticalSpacing={8}
                horizontalSpacing="sm"
                highlightOnHover
                aria-label={t('people.tableLabel')}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="32%">{t('people.columns.person')}</Table.Th>
                    <Table.Th w="24%">{t('people.columns.roles')}</Table.Th>
                    <Table.Th w="20%">{t('people.columns.disciplines')}</Table.Th>
                    <Table.Th>{t('people.columns.signIn')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {people.map((person) => (
                    <PersonRow
                      key={person.id}
                      person={person}
                      selected={person.id === search.user}
                      onOpen={() => open(person.id)}
                      roleName={(role) => tc(`roles.${role}`)}
                      disciplineName={(d) => tc(`disciplines.${d}`)}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryState>
      <PersonDrawer personId={search.user} people={query.data} onClose={() => open(undefined)} />
      <NewPersonDialog opened={adding} onClose={() => setAdding(false)} />
    </>
  );
}

function PersonRow(props: {
  person: Person;
  selected: boolean;
  onOpen(): void;
  roleName(role: string): string;
  disciplineName(discipline: string): string;
}) {
  const { person } = props;
  const gone = person.status === 'deactivated';
  return (
    <Table.Tr
      className={classes.row}
      data-selected={props.selected || undefined}
      data-gone={gone || undefined}
      onClick={props.onOpen}
    >
      <Table.Td>
        {/* The row's click is for the mouse; this is the way in by keyboard and screen reader. */}
        <UnstyledButton
          onClick={(event) => {
            event.stopPropagation();
            props.onOpen();
          }}
          className={classes.nameButton}
        >
          <Text size="sm" fw={600} truncate>
            {person.displayName}
          </Text>
        </UnstyledButton>
        <Text size="xs" c="dimmed" truncate>
          {person.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {person.roles.map((role) => (
            <Badge
              key={role}
              variant="light"
              color={role === 'admin' ? 'grape' : 'blue'}
              tt="none"
              radius="sm"
            >
              {props.roleName(role)}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {person.disciplines.length > 0
            ? person.disciplines.map(props.disciplineName).join(', ')
            : '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <SignInState person={person} />
      </Table.Td>
    </Table.Tr>
  );
}
