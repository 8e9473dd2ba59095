import { Text, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import classes from './Outcomes.module.css';

export interface AnswerScaleFieldProps {
  /** The fieldset's id, for moving focus to an item that needs an answer. */
  id: string;
  /** 1-based, as the paper form numbers its items. */
  number: number;
  question: string;
  options: { value: number; label: string }[];
  /** A numbered scale's words for its first and last answer (MYMOP2's 0 and 6). */
  ends: [string, string] | null;
  value: number | null;
  onChange(value: number): void;
  error?: string;
}

/**
 * One questionnaire item: its question as the group's legend and its answers as native radio
 * buttons, so Tab reaches the item and the arrow keys choose within it, with the whole answer
 * a target big enough for a finger on a tablet.
 */
export function AnswerScaleField(props: AnswerScaleFieldProps) {
  const name = useId();
  const errorId = `${props.id}-error`;
  const numbered = props.ends !== null;
  const columns = numbered
    ? `repeat(${props.options.length}, minmax(44px, 1fr))`
    : 'repeat(auto-fit, minmax(140px, 1fr))';
  return (
    <fieldset
      id={props.id}
      className={[
        classes.item,
        numbered ? classes.numbered : '',
        props.error ? classes.invalid : '',
      ]
        .filter(Boolean)
        .join(' ')}
      aria-describedby={props.error ? errorId : undefined}
    >
      <legend>
        {props.number}. {props.question}
      </legend>
      <div className={classes.options} style={{ gridTemplateColumns: columns }}>
        {props.options.map((option, index) => (
          <label key={option.value} className={classes.option}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={props.value === option.value}
              onChange={() => props.onChange(option.value)}
              aria-invalid={props.error ? true : undefined}
            />
            <span>
              {option.label}
              {numbered && index === 0 && <VisuallyHidden> — {props.ends![0]}</VisuallyHidden>}
              {numbered && index === props.options.length - 1 && (
                <VisuallyHidden> — {props.ends![1]}</VisuallyHidden>
              )}
            </span>
          </label>
        ))}
      </div>
      {numbered && (
        <div className={classes.ends} aria-hidden>
          <span>← {props.ends![0]}</span>
          <span>{props.ends![1]} →</span>
        </div>
      )}
      {props.error && (
        <Text id={errorId} size="sm" c="var(--mantine-color-error)" mt={6}>
          {props.error}
        </Text>
      )}
    </fieldset>
  );
}
