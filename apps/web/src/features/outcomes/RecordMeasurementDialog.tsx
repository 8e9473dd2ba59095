import { Center, Loader, Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { ConfirmDiscard, useDiscardGuard } from '../../ui/DiscardGuard';
import { QueryState } from '../../ui/QueryState';
import { MeasurementResult } from './MeasurementResult';
import { activePlanOf, useClientPlans, useInstruments } from './queries';
import { RecordMeasurementForm } from './RecordMeasurementForm';
import type { Measurement } from './types';

interface Props {
  clientId: string;
  clientName: string;
  opened: boolean;
  onClose(): void;
}

/**
 * "Record measurement" over the outcomes tab: the form, then what the server made of it.
 * With anything chosen or answered, every way out asks first, and a click beside the dialog
 * does not close it: nine answers are not lost to a stray tap.
 */
export function RecordMeasurementDialog({ clientId, clientName, opened, onClose }: Props) {
  const { t } = useTranslation('outcomes');
  const { can } = useClinic();
  const [dirty, setDirty] = useState(false);
  const [recorded, setRecorded] = useState<Measurement | null>(null);
  // A fresh form for each measurement: "record another" starts from the clinic's today again.
  const [round, setRound] = useState(0);
  const close = () => {
    setRecorded(null);
    setRound((n) => n + 1);
    onClose();
  };
  const guard = useDiscardGuard(dirty && recorded === null, close);
  const instruments = useInstruments(opened);
  const plans = useClientPlans(clientId, opened && can('treatment-plans:read'));
  const plan = activePlanOf(plans.data ?? []);
  // The form opens once the plan is known: its "for this plan" box starts ticked when there is one.
  const planKnown = !can('treatment-plans:read') || !plans.isPending;
  return (
    <>
      <Modal
        opened={opened}
        onClose={guard.requestClose}
        title={t('record.title', { name: clientName })}
        size="xl"
        closeOnClickOutside={false}
        closeOnEscape={guard.closeOnEscape}
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      >
        {opened && (
          <QueryState query={instruments}>
            {(catalog) =>
              recorded ? (
                <MeasurementResult
                  measurement={recorded}
                  instrument={catalog.find((i) => i.code === recorded.instrument)}
                  onAnother={() => {
                    setRecorded(null);
                    setRound((n) => n + 1);
                  }}
                  onClose={close}
                />
              ) : !planKnown ? (
                <Center py="xl">
                  <Loader size="sm" aria-label={t('common:loading')} />
                </Center>
              ) : (
                <RecordMeasurementForm
                  key={round}
                  clientId={clientId}
                  instruments={catalog}
                  plan={plan}
                  onCancel={guard.requestClose}
                  onRecorded={setRecorded}
                  onDirtyChange={setDirty}
                />
              )
            }
          </QueryState>
        )}
      </Modal>
      <ConfirmDiscard {...guard.confirm} message={t('record.discard')} />
    </>
  );
}
