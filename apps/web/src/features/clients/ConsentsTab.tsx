import {
  Button,
  Group,
  Input,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconCircleCheck, IconCircleMinus, IconCircleX } from '@tabler/icons-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { notifyProblem } from '../../ui/problems';
import { QueryState } from '../../ui/QueryState';
import { notifyDone } from '../../ui/notify';
import type { Client } from './client-form';
import {
  CONSENT_METHODS,
  CONSENT_TYPES,
  consentStates,
  type Consent,
  type ConsentMethod,
  type ConsentState,
  type ConsentType,
} from './consents';
import { useStaffDirectory } from '../staff/queries';
import { useConsents, useGrantConsent, useWithdrawConsent } from './queries';
import { ToneBadge } from './ToneBadge';
import classes from './clients.module.css';

/** Colleagues' names by id, for who recorded or withdrew a consent. */
function useStaffNames(): (id: string | null) => string {
  const { t } = useTranslation('clients');
  const staff = useStaffDirectory();
  const names = useMemo(
    () => new Map((staff.data ?? []).map((member) => [member.id, member.displayName])),
    [staff.data],
  );
  return (id) => (id ? (names.get(id) ?? t('consents.unknownColleague')) : '');
}

/** A consent's state, told by colour, icon and text. */
export function ConsentBadge({ status }: { status: ConsentState['status'] }) {
  const { t } = useTranslation('clients');
  const look = {
    granted: { color: 'teal' as const, icon: <IconCircleCheck size={12} aria-hidden /> },
    withdrawn: { color: 'red' as const, icon: <IconCircleX size={12} aria-hidden /> },
    none: { color: 'gray' as const, icon: <IconCircleMinus size={12} aria-hidden /> },
  }[status];
  return (
    <ToneBadge color={look.color} icon={look.icon}>
      {t(`consents.state.${status}`)}
    </ToneBadge>
  );
}

/**
 * The client's consents: where each type stands, the full history (who recorded and who
 * withdrew each, when and how), and recording or withdrawing one.
 */
export function ConsentsTab({ client }: { client: Client }) {
  const { t } = useTranslation('clients');
  const { can } = useClinic();
  const consents = useConsents(client.id);
  const [recording, setRecording] = useState<ConsentType | null>(null);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const mayWrite = can('consents:write') && client.erasedAt === null;

  return (
    <QueryState query={consents}>
      {({ data }) => {
        const states = consentStates(data);
        return (
          <Stack gap="lg">
            <Paper withBorder p="lg">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('consents.currentTitle')}
                </Title>
                <CurrentConsents
                  states={states}
                  onRecord={mayWrite ? setRecording : undefined}
                  onWithdraw={mayWrite ? setWithdrawing : undefined}
                />
              </Stack>
            </Paper>
            <Paper withBorder p="lg">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('consents.historyTitle')}
                </Title>
                {data.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('consents.noHistory')}
                  </Text>
                ) : (
                  <ConsentHistory history={data} />
                )}
              </Stack>
            </Paper>
            <RecordConsentModal
              clientId={client.id}
              type={recording}
              onClose={() => setRecording(null)}
            />
            <WithdrawConsentModal
              clientId={client.id}
              consent={withdrawing}
              onClose={() => setWithdrawing(null)}
            />
          </Stack>
        );
      }}
    </QueryState>
  );
}

function CurrentConsents({
  states,
  onRecord,
  onWithdraw,
}: {
  states: ConsentState[];
  onRecord?: (type: ConsentType) => void;
  onWithdraw?: (consent: Consent) => void;
}) {
  const { t } = useTranslation('clients');
  const { format } = useClinic();
  const nameOf = useStaffNames();
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table verticalSpacing="sm" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('consents.type')}</Table.Th>
            <Table.Th>{t('consents.state.label')}</Table.Th>
            <Table.Th>{t('consents.details')}</Table.Th>
            {(onRecord || onWithdraw) && (
              <Table.Th>
                <VisuallyHidden>{t('consents.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {states.map(({ type, status, latest }) => (
            <Table.Tr key={type}>
              <Table.Td fw={500}>{t(`consent.type.${type}`)}</Table.Td>
              <Table.Td>
                <ConsentBadge status={status} />
              </Table.Td>
              <Table.Td>
                {latest && status === 'granted' && (
                  <Text size="sm">
                    {t('consents.givenSummary', {
                      date: format.dateTime(latest.grantedAt),
                      method: t(`consent.method.${latest.method}`).toLowerCase(),
                      name: nameOf(latest.recordedBy),
                    })}
                  </Text>
                )}
                {latest && status === 'withdrawn' && latest.withdrawnAt && (
                  <Text size="sm">
                    {t('consents.withdrawnSummary', {
                      date: format.dateTime(latest.withdrawnAt),
                      method: latest.withdrawalMethod
                        ? t(`consent.method.${latest.withdrawalMethod}`).toLowerCase()
                        : '',
                      name: nameOf(latest.withdrawnBy),
                    })}
                  </Text>
                )}
                {!latest && (
                  <Text size="sm" c="dimmed">
                    {t('consents.neverGiven')}
                  </Text>
                )}
              </Table.Td>
              {(onRecord || onWithdraw) && (
                <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  {status === 'granted' && latest && onWithdraw && (
                    <Button
                      size="xs"
                      variant="default"
                      color="red"
                      onClick={() => onWithdraw(latest)}
                      aria-label={t('consents.withdrawFor', { type: t(`consent.type.${type}`) })}
                    >
                      {t('consents.withdraw')}
                    </Button>
                  )}
                  {status !== 'granted' && onRecord && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => onRecord(type)}
                      aria-label={t('consents.recordFor', { type: t(`consent.type.${type}`) })}
                    >
                      {t('consents.record')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ConsentHistory({ history }: { history: Consent[] }) {
  const { t } = useTranslation('clients');
  const { format } = useClinic();
  const nameOf = useStaffNames();
  const method = (value: ConsentMethod | null) =>
    value ? t(`consent.method.${value}`).toLowerCase() : '';
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('consents.type')}</Table.Th>
            <Table.Th>{t('consents.given')}</Table.Th>
            <Table.Th>{t('consents.withdrawn')}</Table.Th>
            <Table.Th>{t('consents.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.map((consent) => (
            <Table.Tr key={consent.id}>
              <Table.Td>{t(`consent.type.${consent.type}`)}</Table.Td>
              <Table.Td>
                {format.dateTime(consent.grantedAt)}
                <Text size="xs" c="dimmed">
                  {t('consents.howWho', {
                    method: method(consent.method),
                    name: nameOf(consent.recordedBy),
                  })}
                </Text>
              </Table.Td>
              <Table.Td>
                {consent.withdrawnAt ? (
                  <>
                    {format.dateTime(consent.withdrawnAt)}
                    <Text size="xs" c="dimmed">
                      {t('consents.howWho', {
                        method: method(consent.withdrawalMethod),
                        name: nameOf(consent.withdrawnBy),
                      })}
                    </Text>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('consents.inForce')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ maxWidth: 260 }}>{consent.note || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** How the client gave or withdrew a consent: a required choice, no default. */
function MethodChoice({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: ConsentMethod | null;
  onChange(method: ConsentMethod): void;
  error?: string | null;
}) {
  const { t } = useTranslation('clients');
  const id = useId();
  return (
    <Input.Wrapper label={label} labelProps={{ id }} required error={error}>
      <SegmentedControl
        display="flex"
        aria-labelledby={id}
        value={value ?? ''}
        onChange={(method) => onChange(method as ConsentMethod)}
        data={CONSENT_METHODS.map((method) => ({
          value: method,
          label: t(`consent.method.${method}`),
        }))}
        color={value ? 'meridian' : undefined}
      />
    </Input.Wrapper>
  );
}

function RecordConsentModal({
  clientId,
  type,
  onClose,
}: {
  clientId: string;
  type: ConsentType | null;
  onClose(): void;
}) {
  const { t } = useTranslation('clients');
  const { t: tc, i18n } = useTranslation();
  const grant = useGrantConsent(clientId);
  const [chosenType, setChosenType] = useState<ConsentType | null>(type);
  const [method, setMethod] = useState<ConsentMethod | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [opened, setOpened] = useState<ConsentType | null>(null);
  // A new opening starts a new form; closing after a failure keeps nothing half-recorded.
  if (type !== opened) {
    setOpened(type);
    setChosenType(type);
    setMethod(null);
    setNote('');
    setMissing(false);
  }
  const save = async () => {
    if (!chosenType || !method) {
      setMissing(true);
      return;
    }
    try {
      await grant.mutateAsync({ type: chosenType, method, ...(note.trim() ? { note } : {}) });
      notifyDone(t('consents.recorded', { type: t(`consent.type.${chosenType}`) }));
      onClose();
    } catch (error) {
      notifyProblem(error, tc, i18n.language);
    }
  };
  return (
    <Modal
      opened={type !== null}
      onClose={onClose}
      title={t('consents.recordTitle')}
      centered
      closeButtonProps={{ 'aria-label': tc('actions.close') }}
      classNames={{ body: classes.readableErrors }}
    >
      <Stack gap="md">
        <Select
          label={t('consents.type')}
          required
          data={CONSENT_TYPES.map((value) => ({ value, label: t(`consent.type.${value}`) }))}
          value={chosenType}
          onChange={(value) => setChosenType(value as ConsentType | null)}
          allowDeselect={false}
        />
        <MethodChoice
          label={t('consents.methodGiven')}
          value={method}
          onChange={setMethod}
          error={missing && !method ? t('consents.methodMissing') : null}
        />
        <Textarea
          label={t('consents.note')}
          description={t('consents.noteHint')}
          maxLength={1000}
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {tc('actions.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={grant.isPending}>
            {t('consents.recordSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function WithdrawConsentModal({
  clientId,
  consent,
  onClose,
}: {
  clientId: string;
  consent: Consent | null;
  onClose(): void;
}) {
  const { t } = useTranslation('clients');
  const { t: tc, i18n } = useTranslation();
  const { format } = useClinic();
  const withdraw = useWithdrawConsent(clientId);
  const [method, setMethod] = useState<ConsentMethod | null>(null);
  const [missing, setMissing] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  if ((consent?.id ?? null) !== opened) {
    setOpened(consent?.id ?? null);
    setMethod(null);
    setMissing(false);
  }
  const type = consent ? t(`consent.type.${consent.type}`) : '';
  const confirm = async () => {
    if (!consent) return;
    if (!method) {
      setMissing(true);
      return;
    }
    try {
      await withdraw.mutateAsync({ id: consent.id, method });
      notifyDone(t('consents.withdrawnDone', { type }));
      onClose();
    } catch (error) {
      notifyProblem(error, tc, i18n.language);
    }
  };
  return (
    <Modal
      opened={consent !== null}
      onClose={onClose}
      title={t('consents.withdrawTitle', { type })}
      centered
      closeButtonProps={{ 'aria-label': tc('actions.close') }}
      classNames={{ body: classes.readableErrors }}
    >
      <Stack gap="md">
        {consent && (
          <Text size="sm">
            {t('consents.withdrawBody', { date: format.dateTime(consent.grantedAt) })}
          </Text>
        )}
        <MethodChoice
          label={t('consents.methodWithdrawn')}
          value={method}
          onChange={setMethod}
          error={missing && !method ? t('consents.methodMissing') : null}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {tc('actions.cancel')}
          </Button>
          <Button color="red.9" onClick={() => void confirm()} loading={withdraw.isPending}>
            {t('consents.withdrawSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
