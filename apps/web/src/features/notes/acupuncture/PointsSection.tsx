import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { memo, useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../../app/clinic-context';
import type { SessionNote } from '../editor';
import type { Update } from './AcupunctureEditor';
import { appendPoints, LIMITS, type NeedledPoint } from './content';
import { errorOf, type FieldErrors } from './errors';
import { LastSessionPoints } from './LastSessionPoints';
import { PickedPoints } from './PickedPoints';
import { PointPicker } from './PointPicker';
import { codeKey, findPoint, pointName } from './point-search';
import { usePointCatalogue, type LastSessionPoints as LastPoints } from './queries';

interface Notice {
  tone: 'error' | 'info';
  text: string;
}

/** The points needled: found by search or copied from the last session, then side and dose. */
export const PointsSection = memo(function PointsSection(props: {
  note: SessionNote;
  points: NeedledPoint[];
  errors: FieldErrors;
  update: Update;
}) {
  const { note, points, errors, update } = props;
  const { t } = useTranslation('acupuncture');
  const { t: tc } = useTranslation();
  const { format } = useClinic();
  const headingId = useId();
  const catalogue = usePointCatalogue();
  const searchRef = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const pickedCodes = useMemo(() => new Set(points.map((point) => codeKey(point.code))), [points]);
  const nameOf = (code: string) =>
    pointName(code, catalogue.data ? findPoint(catalogue.data, code) : undefined);

  const pick = (code: string) => {
    const at = points.findIndex((point) => codeKey(point.code) === codeKey(code));
    if (at >= 0) {
      setNotice({ tone: 'error', text: t('picker.duplicate', { code, position: at + 1 }) });
    } else if (points.length >= LIMITS.points) {
      setNotice({ tone: 'error', text: t('picker.full', { max: LIMITS.points }) });
    } else {
      update({ points: [...points, { code, side: 'bilateral' }] });
      setNotice({ tone: 'info', text: t('picker.added', { name: nameOf(code) }) });
    }
  };

  const copy = (last: LastPoints) => {
    const date = format.date(last.sessionDate);
    const result = appendPoints(points, last.points);
    const added = result.points.length - points.length;
    if (added > 0) update({ points: result.points });
    const parts = [
      added > 0
        ? t('lastSession.copied', { count: added, date })
        : t('lastSession.allPresent', { date }),
    ];
    if (added > 0 && result.duplicates.length > 0) {
      parts.push(t('lastSession.skipped', { codes: result.duplicates.join(', ') }));
    }
    if (result.overLimit.length > 0) {
      parts.push(
        t('lastSession.overLimit', { max: LIMITS.points, codes: result.overLimit.join(', ') }),
      );
    }
    setNotice({ tone: result.overLimit.length > 0 ? 'error' : 'info', text: parts.join(' ') });
  };

  const setPoints = useCallback((next: NeedledPoint[]) => update({ points: next }), [update]);
  const removed = useCallback(
    (code: string) => {
      setNotice({ tone: 'info', text: t('points.removed', { code }) });
      // The row and its button are gone: the search is where the next action most likely is.
      searchRef.current?.focus();
    },
    [t],
  );

  const listError = errorOf(errors, 'points');
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="xs">
          <Title order={2} size="h5" id={headingId}>
            {t('sections.points')}
          </Title>
          {points.length > 0 && (
            <Badge variant="light" c="meridian.9">
              {t('points.count', { count: points.length })}
            </Badge>
          )}
        </Group>
        <LastSessionPoints note={note} onCopy={copy} />
      </Group>
      {catalogue.isError && (
        <Alert color="red" variant="light" role="alert" title={t('picker.loadFailed')}>
          <Button size="xs" variant="light" color="red" onClick={() => void catalogue.refetch()}>
            {tc('actions.retry')}
          </Button>
        </Alert>
      )}
      <PointPicker
        catalogue={catalogue.data}
        loading={catalogue.isPending}
        pickedCodes={pickedCodes}
        onPick={pick}
        inputRef={searchRef}
      />
      <Text
        role="status"
        size="sm"
        c={notice?.tone === 'error' ? 'error' : undefined}
        fw={notice?.tone === 'error' ? 500 : undefined}
      >
        {notice?.text}
      </Text>
      {listError && (
        <Text size="sm" c="error">
          {listError}
        </Text>
      )}
      <PickedPoints
        points={points}
        catalogue={catalogue.data}
        errors={errors}
        onChange={setPoints}
        onRemoved={removed}
      />
    </Stack>
  );
});
