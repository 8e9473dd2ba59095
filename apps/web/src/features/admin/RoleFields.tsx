import { Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { DISCIPLINES, grantableRoles } from './person-form';
import type { Role } from './queries';

interface Props {
  roles: string[];
  disciplines: string[];
  onRoles(roles: string[]): void;
  onDisciplines(disciplines: string[]): void;
  errors: { roles?: string; disciplines?: string };
}

/**
 * Roles, each with what it lets a person do, and the disciplines of a practitioner. Only the
 * roles the user may hand out are offered: a manager is never shown "admin".
 */
export function RoleFields({ roles, disciplines, onRoles, onDisciplines, errors }: Props) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { me } = useClinic();
  const offered: Role[] = grantableRoles(me.permissions);
  const practitioner = roles.includes('practitioner');
  return (
    <Stack gap="md">
      <Checkbox.Group
        label={t('people.fields.roles')}
        description={t('people.fields.rolesHelp')}
        value={roles}
        onChange={onRoles}
        error={errors.roles}
        withAsterisk
      >
        <Stack gap="xs" mt="xs">
          {offered.map((role) => (
            <Checkbox
              key={role}
              value={role}
              label={tc(`roles.${role}`)}
              description={t(`people.roleHelp.${role}`)}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      {practitioner ? (
        <Checkbox.Group
          label={t('people.fields.disciplines')}
          description={t('people.fields.disciplinesHelp')}
          value={disciplines}
          onChange={onDisciplines}
          error={errors.disciplines}
          withAsterisk
        >
          <Group gap="lg" mt="xs">
            {DISCIPLINES.map((discipline) => (
              <Checkbox
                key={discipline}
                value={discipline}
                label={tc(`disciplines.${discipline}`)}
              />
            ))}
          </Group>
        </Checkbox.Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('people.fields.noDisciplines')}
        </Text>
      )}
    </Stack>
  );
}
