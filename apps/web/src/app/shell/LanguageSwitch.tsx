import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { applyLanguage, currentLanguage, type Language } from '../../i18n';

/** Dutch or English for this user on this device; the clinic's language until they choose. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('shell.language')}
      value={currentLanguage()}
      onChange={(value) => applyLanguage(value as Language, true)}
      data={[
        { value: 'nl', label: compact ? 'NL' : 'Nederlands' },
        { value: 'en', label: compact ? 'EN' : 'English' },
      ]}
    />
  );
}
