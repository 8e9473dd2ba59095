import { Pill, TagsInput, type TagsInputProps } from '@mantine/core';
import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSuggestions, type SuggestionGroup } from './suggestions';

interface Props extends Omit<TagsInputProps, 'data' | 'value' | 'onChange'> {
  suggestions: SuggestionGroup;
  value: string[] | undefined;
  onChange(value: string[]): void;
}

/**
 * Several short entries (pulse qualities, patterns): picked from the suggestions or typed,
 * each kept on Enter, a comma or leaving the field. Each entry's × is a named button in the
 * tab order (Mantine's is hidden from keyboards and screen readers: only the last entry could
 * be removed, with Backspace); after a removal the field has focus again.
 */
export const TagsField = memo(function TagsField({
  suggestions,
  value,
  onChange,
  ...props
}: Props) {
  const { t } = useTranslation();
  const data = useSuggestions(suggestions);
  const input = useRef<HTMLInputElement>(null);
  return (
    <TagsInput
      {...props}
      ref={input}
      data={data}
      value={value ?? []}
      onChange={onChange}
      // Typed case-insensitively, a quality already there is not added twice.
      isDuplicate={(entry, current) =>
        current.some((present) => present.toLowerCase() === entry.trim().toLowerCase())
      }
      comboboxProps={{ shadow: 'md' }}
      renderPill={({ value: tag, onRemove, disabled }) => (
        <Pill
          withRemoveButton={!disabled}
          disabled={disabled}
          onRemove={() => {
            onRemove?.();
            input.current?.focus();
          }}
          removeButtonProps={{
            tabIndex: 0,
            'aria-hidden': false,
            'aria-label': t('actions.removeTag', { tag }),
          }}
        >
          {tag}
        </Pill>
      )}
    />
  );
});
