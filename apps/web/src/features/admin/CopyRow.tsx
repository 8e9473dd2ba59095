import { Button, CopyButton, Group, Table, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A row of details to hand over (an e-mail address, a temporary password), with a copy button. */
export function CopyRow({
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
