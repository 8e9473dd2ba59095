import { Alert, Stack, Tabs, Text, Title } from '@mantine/core';
import { Navigate, useNavigate, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
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
    <Stack gap="sm" maw={1360} mx="auto">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <Tabs
        value={target}
        onChange={(value) =>
          value && void navigate({ to: '/privacy/$section', params: { section: value } })
        }
        keepMounted={false}
      >
        <Tabs.List aria-label={t('sectionsLabel')}>
          {sections.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`sections.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {sections.map((value) => (
          <Tabs.Panel key={value} value={value} pt="md">
            <Stack gap="md">
              <Title order={2} size="h3">
                {t(`sections.${value}`)}
              </Title>
              {SECTION_VIEW[value]()}
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
