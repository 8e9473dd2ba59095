import { Alert, Button, CopyButton, Group, Table, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from './queries';

/**
 * What an admin hands a colleague, shown once: their e-mail address and a temporary password,
 * each to copy, and (`children`) what the colleague does next; the password is not shown again.
 */
export function HandOver(props: { person: Person; password: string; children?: ReactNode }) {
  const { t } = useTranslation('admin');
  const { person } = props;
  return (
    <>
      <Text size="sm">{t('people.created.handOver', { name: person.displayName })}</Text>
      <Table withTableBorder variant="vertical" layout="fixed">
        <Table.Tbody>
          <CopyRow label={t('people.fields.email')} value={person.email} />
          <CopyRow label={t('people.created.password')} value={props.password} monospace />
        </Table.Tbody>
      </Table>
      {props.children}
      <Alert
        color="yellow"
        variant="light"
        styles={{ message: { color: 'var(--mantine-color-gray-9)' } }}
      >
        <Text size="sm">{t('people.created.onlyNow')}</Text>
      </Alert>
    </>
  );
}

/** A row of details to hand over (an e-mail address, a temporary password), with a copy button. */
function CopyRow({
  label,
  value,
  monospace,
}: {
  label: string;
  value: string;
  monospace?: boolean;
}) {
  const { t } = useTranslation('admin');
  return (
    <Table.Tr>
      <Table.Th w={180}>{label}</Table.Th>
      <Table.Td>
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text
            size="sm"
            ff={monospace ? 'monospace' : undefined}
            style={{ wordBreak: 'break-all' }}
          >
            {value}
          </Text>
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant="subtle"
                leftSection={
                  copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />
                }
                onClick={copy}
                aria-label={t('copy', { what: label })}
              >
                {copied ? t('copied') : t('copyShort')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
