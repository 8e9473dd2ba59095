import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { LOCALE_OF } from '../../i18n';
import { useStaffDirectory } from '../staff/queries';
import type { Intervention, Instrument } from './types';

/**
 * How the plan screens write numbers, frequencies and colleagues: scores in the user's
 * language (82,5 in Dutch), with the scale's unit, and a colleague by name ("a colleague"
 * when the directory does not know them).
 */
export function usePlanFormat(instruments: readonly Instrument[] = []) {
  const { t } = useTranslation('plans');
  const { language } = useClinic();
  const staff = useStaffDirectory();
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(LOCALE_OF[language], { maximumFractionDigits: 2 });
    const names = new Map((staff.data ?? []).map((member) => [member.id, member.displayName]));
    const units = new Map(instruments.map((item) => [item.code, item.unit]));
    return {
      /** 82,5 kg / 14 */
      score: (value: number, instrument: string) => {
        const unit = units.get(instrument);
        return unit ? `${numbers.format(value)} ${unit}` : numbers.format(value);
      },
      number: (value: number) => numbers.format(value),
      /** "2× per week" / "1× per 2 weken" */
      frequency: ({ sessions, perWeeks }: Intervention['frequency']) =>
        t('frequency', { sessions, count: perWeeks }),
      person: (id: string | null | undefined) =>
        id ? (names.get(id) ?? t('unknownColleague')) : t('nobody'),
    };
  }, [language, staff.data, instruments, t]);
}
