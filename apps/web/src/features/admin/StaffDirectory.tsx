import { Group, Paper, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../ui/QueryState';
import { activeStaff, useStaffDirectory } from '../staff/queries';

/**
 * Who works at the clinic: name, roles and disciplines, what every colleague may know of each
 * other (`users:directory`). Read-only; the same cached directory every other screen reads.
 */
export function StaffDirectory() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [filter, setFilter] = useState('');
  const query = useStaffDirectory({ select: activeStaff });
  const term = filter.trim().toLocaleLowerCase();
  return (
    <QueryState query={query}>
      {(staff) => {
        const shown = term
          ? staff.filter((member) => member.displayName.toLocaleLowerCase().includes(term))
          : staff;
        return (
          <>
            <Group justify="space-between" align="flex-end">
              <TextInput
                label={t('directory.filter')}
                leftSection={<IconSearch size={16} aria-hidden />}
                value={filter}
                onChange={(event) => setFilter(event.currentTarget.value)}
                w={280}
              />
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('directory.count', { count: shown.length })}
              </Text>
            </Group>
            <Paper withBorder radius="sm">
              <Table
                verticalSpacing={8}
                horizontalSpacing="sm"
                striped
                aria-label={t('sections.directory')}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="36%">{t('directory.columns.name')}</Table.Th>
                    <Table.Th w="32%">{t('directory.columns.roles')}</Table.Th>
                    <Table.Th>{t('directory.columns.disciplines')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((member) => (
                    <Table.Tr key={member.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {member.displayName}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {member.roles.map((role) => tc(`roles.${role}`)).join(', ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {member.disciplines.length > 0
                            ? member.disciplines.map((d) => tc(`disciplines.${d}`)).join(', ')
                            : '—'}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  {shown.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={3}>
                        <Text size="sm" c="dimmed">
                          {t('directory.none')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </Paper>
          </>
        );
      }}
    </QueryState>
  );
}
