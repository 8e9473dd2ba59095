import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { appointmentProblem } from './appointment-problems';

/** A failed booking, move or status change told in the user's language (see appointmentProblem). */
export function useProblemText(): (error: unknown, practitionerName?: string) => string {
  const { t } = useTranslation('calendar');
  const { t: tCommon } = useTranslation();
  const { format, language } = useClinic();
  return useCallback(
    (error, practitionerName) =>
      appointmentProblem(error, { t, tCommon, language, time: format.time, practitionerName }),
    [t, tCommon, language, format],
  );
}
