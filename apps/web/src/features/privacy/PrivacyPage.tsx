import { Alert, Text, Title } from '@mantine/core';
import { Navigate, useNavigate, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { SectionTabs } from '../../ui/SectionTabs';
import { AccessLogSection } from './AccessLogSection';
import { BreakGlassSection } from './BreakGlassSection';
import { RequestsSection } from './RequestsSection';
import { RetentionSection } from './RetentionSection';
import { privacySectionsFor, privacySectionTarget, type PrivacySection } from './sections';

const SECTION_VIEW: Record<PrivacySection, () => ReactNode> = {
  'access-log': () => <AccessLogSection />,
  'break-glass': () => <BreakGlassSection />,
  requests: () => <RequestsSection />,
  retention: () => <RetentionSection />,
};

/**
 * `/privacy` and `/privacy/$section`: the access log, emergency accesses to review, the
 * clients' requests (export, erasure) and the retention reviews, as tabs, each shown only to
 * whom the permissions allow (nothing of the others is fetched).
 */
export function PrivacyPage() {
  const { t } = useTranslation(['privacy', 'common']);
  const { me } = useClinic();
  const { section } = useParams({ strict: false });
  const navigate = useNavigate();
  const sections = privacySectionsFor(me.permissions);
  const target = privacySectionTarget(me.permissions, section);

  if (target === null) {
    return (
      <Alert color="gray" title={t('title')} maw={640}>
        <Text size="sm">{t('common:errors.forbidden')}</Text>
      </Alert>
    );
  }
  if (target !== section) {
    return <Navigate to="/privacy/$section" params={{ section: target }} replace />;
  }
  return (
    <SectionTabs
      title={t('title')}
      label={t('sectionsLabel')}
      sections={sections}
      current={target}
      name={(value) => t(`sections.${value}`)}
      onSelect={(value) => void navigate({ to: '/privacy/$section', params: { section: value } })}
    >
      {(value) => (
        <>
          <Title order={2} size="h3">
            {t(`sections.${value}`)}
          </Title>
          {SECTION_VIEW[value]()}
        </>
      )}
    </SectionTabs>
  );
}
