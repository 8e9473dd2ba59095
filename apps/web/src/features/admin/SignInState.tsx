import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import type { Person } from './queries';

/**
 * How a person stands with signing in, in words and colour: deactivated (since when), still to
 * choose their own password, and whether a second factor is set up.
 */
export function SignInState({ person }: { person: Person }) {
  const { t } = useTranslation('admin');
  const { format } = useClinic();
  if (person.status === 'deactivated') {
    return (
      <Group gap={6} wrap="wrap">
        <Badge color="gray" variant="light" tt="none" radius="sm">
          {t('people.state.deactivated')}
        </Badge>
        {person.deactivatedAt && (
          <Text size="xs" c="dimmed">
            {t('people.state.since', { when: format.dateTime(person.deactivatedAt) })}
          </Text>
        )}
      </Group>
    );
  }
  return (
    <Group gap={6} wrap="wrap">
      {person.passwordChangeRequired ? (
        <Badge color="orange" variant="light" tt="none" radius="sm">
          {t('people.state.firstSignIn')}
        </Badge>
      ) : (
        <Badge color="teal" variant="light" tt="none" radius="sm">
          {t('people.state.active')}
        </Badge>
      )}
      <Text size="xs" c="dimmed">
        {t(person.mfaEnrolled ? 'people.state.mfa' : 'people.state.noMfa')}
      </Text>
    </Group>
  );
}
