import { TagsInput, type TagsInputProps } from '@mantine/core';
import { memo } from 'react';
import { useSuggestions, type SuggestionGroup } from './suggestions';

interface Props extends Omit<TagsInputProps, 'data' | 'value' | 'onChange'> {
  suggestions: SuggestionGroup;
  value: string[] | undefined;
  onChange(value: string[]): void;
}

/**
 * Several short entries (pulse qualities, patterns): picked from the suggestions or typed,
 * each kept on Enter, a comma or leaving the field.
 */
export const TagsField = memo(function TagsField({
  suggestions,
  value,
  onChange,
  ...props
}: Props) {
  const data = useSuggestions(suggestions);
  return (
    <TagsInput
      {...props}
      data={data}
      value={value ?? []}
      onChange={onChange}
      // Typed case-insensitively, a quality already there is not added twice.
      isDuplicate={(entry, current) =>
        current.some((present) => present.toLowerCase() === entry.trim().toLowerCase())
      }
      comboboxProps={{ shadow: 'md' }}
    />
  );
});
