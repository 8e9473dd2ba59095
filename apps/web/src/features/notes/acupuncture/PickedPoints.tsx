import { Autocomplete, NumberInput, SegmentedControl, Text } from '@mantine/core';
import { memo, useCallback, useId, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, move, SIDES, type NeedledPoint, type Side } from './content';
import { pointErrors, type FieldErrors } from './errors';
import { findPoint, type CataloguePoint, type PointIndex } from './point-search';
import { useSuggestions } from './suggestions';
import { RowActions } from '../../../ui/RowActions';
import classes from './acupuncture.module.css';

interface Props {
  points: NeedledPoint[];
  catalogue: PointIndex | undefined;
  errors: FieldErrors;
  onChange(points: NeedledPoint[]): void;
  onRemoved(code: string): void;
}

/** The picked points in the order needled, each with its side, technique and retention. */
export function PickedPoints({ points, catalogue, errors, onChange, onRemoved }: Props) {
  const { t } = useTranslation('acupuncture');
  const latest = useRef({ points, onChange, onRemoved });
  useLayoutEffect(() => {
    latest.current = { points, onChange, onRemoved };
  });
  // Stable for every row, so that typing a technique renders one row, not sixty.
  const edit = useCallback((index: number, point: NeedledPoint) => {
    const next = [...latest.current.points];
    next[index] = point;
    latest.current.onChange(next);
  }, []);
  const reorder = useCallback((from: number, to: number) => {
    latest.current.onChange(move(latest.current.points, from, to));
  }, []);
  const remove = useCallback((index: number) => {
    const { points: current } = latest.current;
    latest.current.onChange(current.filter((_, at) => at !== index));
    latest.current.onRemoved(current[index].code);
  }, []);

  if (points.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('points.empty')}
      </Text>
    );
  }
  // A code twice (from an older note) must still give each row its own key.
  const seen = new Map<string, number>();
  return (
    <div className={classes.pointsWrap}>
      <div className={classes.header} aria-hidden>
        <span />
        <span className={classes.name}>{t('points.point')}</span>
        <span className={classes.side}>{t('points.side')}</span>
        <span className={classes.technique}>{t('points.technique')}</span>
        <span className={classes.retention}>{t('points.retention')}</span>
        <span className={classes.actions} />
      </div>
      <ol className={classes.points} aria-label={t('points.listLabel')}>
        {points.map((point, index) => {
          const occurrence = (seen.get(point.code) ?? 0) + 1;
          seen.set(point.code, occurrence);
          const problems = pointErrors(errors, index);
          return (
            <PointRow
              key={`${point.code}#${occurrence}`}
              point={point}
              index={index}
              last={index === points.length - 1}
              known={catalogue ? findPoint(catalogue, point.code) : undefined}
              catalogueLoaded={catalogue !== undefined}
              codeError={[problems.row, problems.code].filter(Boolean).join(' · ') || undefined}
              sideError={problems.side}
              techniqueError={problems.technique}
              retentionError={problems.retentionMinutes}
              onEdit={edit}
              onMove={reorder}
              onRemove={remove}
            />
          );
        })}
      </ol>
    </div>
  );
}

const PointRow = memo(function PointRow(props: {
  point: NeedledPoint;
  index: number;
  last: boolean;
  known: CataloguePoint | undefined;
  catalogueLoaded: boolean;
  codeError: string | undefined;
  sideError: string | undefined;
  techniqueError: string | undefined;
  retentionError: string | undefined;
  onEdit(index: number, point: NeedledPoint): void;
  onMove(from: number, to: number): void;
  onRemove(index: number): void;
}) {
  const { t } = useTranslation('acupuncture');
  const techniques = useSuggestions('technique');
  const nameId = useId();
  const { point, index, known, onEdit } = props;
  const code = known?.code ?? point.code;
  const codeError =
    props.codeError ?? (props.catalogueLoaded && !known ? t('points.notInCatalogue') : undefined);
  const invalid = Boolean(
    codeError || props.sideError || props.techniqueError || props.retentionError,
  );

  return (
    <li>
      <div
        role="group"
        aria-labelledby={nameId}
        className={classes.pointRow}
        data-invalid={invalid || undefined}
      >
        <span className={classes.number} aria-hidden>
          {index + 1}.
        </span>
        <div className={classes.name}>
          <Text id={nameId} size="sm" fw={700}>
            {code}
            {known && (
              <Text span size="sm" fw={400}>
                {' '}
                {known.pinyin}
              </Text>
            )}
          </Text>
          {known?.english && (
            <Text size="xs" c="dimmed" truncate>
              {known.english}
            </Text>
          )}
          {codeError && (
            <Text size="xs" c="error" fw={500}>
              {codeError}
            </Text>
          )}
        </div>
        <div className={classes.side}>
          <SegmentedControl
            aria-label={t('points.sideOf', { code })}
            size="xs"
            fullWidth
            value={point.side}
            onChange={(side) => onEdit(index, { ...point, side: side as Side })}
            data={SIDES.map((side) => ({ value: side, label: t(`sides.${side}`) }))}
          />
          {props.sideError && (
            <Text size="xs" c="error">
              {props.sideError}
            </Text>
          )}
        </div>
        <Autocomplete
          className={classes.technique}
          aria-label={t('points.techniqueOf', { code })}
          placeholder={t('points.technique')}
          data={techniques}
          value={point.technique ?? ''}
          onChange={(technique) => onEdit(index, { ...point, technique })}
          error={props.techniqueError}
          maxLength={LIMITS.observation}
          comboboxProps={{ shadow: 'md' }}
        />
        <NumberInput
          className={classes.retention}
          aria-label={t('points.retentionOf', { code })}
          placeholder="min"
          suffix=" min"
          value={point.retentionMinutes ?? ''}
          onChange={(minutes) =>
            onEdit(index, {
              ...point,
              retentionMinutes: typeof minutes === 'number' ? minutes : undefined,
            })
          }
          error={props.retentionError}
          min={LIMITS.retention.min}
          max={LIMITS.retention.max}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          hideControls
        />
        <RowActions
          className={classes.actions}
          labels={{
            up: t('points.moveUp', { code }),
            down: t('points.moveDown', { code }),
            remove: t('points.remove', { code }),
          }}
          index={index}
          last={props.last}
          onMove={(to) => props.onMove(index, to)}
          onRemove={() => props.onRemove(index)}
        />
      </div>
    </li>
  );
});
