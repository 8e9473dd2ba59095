import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n';
import { clinicFormat, type ClinicFormat } from '../lib/format';
import type { Clinic, Me } from './session/session-store';

export interface ClinicContextValue {
  me: Me;
  clinic: Clinic;
  /** The clinic's IANA zone: it decides days, slots and "today". */
  timeZone: string;
  language: Language;
  format: ClinicFormat;
  /** Whether the user's roles allow a permission (`appointments:write`). Navigation and
   * actions follow it; the API still decides. */
  can(permission: string): boolean;
}

const ClinicContext = createContext<ClinicContextValue | null>(null);

export function ClinicProvider(props: { me: Me; clinic: Clinic; children: ReactNode }) {
  const { i18n } = useTranslation();
  const language = (i18n.language === 'en' ? 'en' : 'nl') as Language;
  const { me, clinic } = props;
  const value = useMemo<ClinicContextValue>(() => {
    const permissions = new Set(me.permissions);
    return {
      me,
      clinic,
      timeZone: clinic.timeZone,
      language,
      format: clinicFormat(language, clinic.timeZone),
      can: (permission) => permissions.has(permission),
    };
  }, [me, clinic, language]);
  return <ClinicContext.Provider value={value}>{props.children}</ClinicContext.Provider>;
}

export function useClinic(): ClinicContextValue {
  const value = useContext(ClinicContext);
  if (!value) throw new Error('useClinic outside a signed-in session');
  return value;
}
