import { Alert, Stack, Text, Title } from '@mantine/core';
import { Navigate, useNavigate, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminSection } from './sections';
import { useClinic } from '../../app/clinic-context';
import { SectionTabs } from '../../ui/SectionTabs';
import { ClinicSettingsSection } from './ClinicSettingsSection';
import { EmailsSection } from './EmailsSection';
import { PeopleSection } from './PeopleSection';
import { ScalesSection } from './ScalesSection';
import { StaffDirectory } from './StaffDirectory';
import { adminSectionsFor, adminSectionTarget } from './sections';

const SECTION_VIEW: Record<AdminSection, () => ReactNode> = {
  clinic: () => <ClinicSettingsSection />,
  people: () => <PeopleSection />,
  directory: () => <StaffDirectory />,
  scales: () => <ScalesSection />,
  emails: () => <EmailsSection />,
};

/**
 * `/admin/$section`: the clinic's settings, its people, its scales and its failed e-mails as
 * tabs, each shown only to whom the permissions allow (nothing of the others is fetched); the
 * staff directory for whoever may not see the full people list. A section the user may not
 * open leads to the first one they may.
 */
export function AdminPage() {
  const { t } = useTranslation('admin');
  const { me } = useClinic();
  const { section } = useParams({ from: '/admin/$section' });
  const navigate = useNavigate();
  const sections = adminSectionsFor(me.permissions);
  const target = adminSectionTarget(me.permissions, section);

  if (target === null) {
    return (
      <Alert color="gray" title={t('title')} maw={640}>
        {t('noSection')}
      </Alert>
    );
  }
  if (target !== section) {
    return <Navigate to="/admin/$section" params={{ section: target }} replace />;
  }
  // One section (a colleague's directory, a manager's people): its name is the page's title.
  if (sections.length === 1) {
    return (
      <Stack gap="md" maw={1360} mx="auto">
        <SectionHeading section={target} as="h1" />
        {SECTION_VIEW[target]()}
      </Stack>
    );
  }
  return (
    <SectionTabs
      title={t('title')}
      label={t('sectionsLabel')}
      sections={sections}
      current={target}
      name={(value) => t(`sections.${value}`)}
      onSelect={(value) => void navigate({ to: '/admin/$section', params: { section: value } })}
    >
      {(value) => (
        <>
          <SectionHeading section={value} as="h2" />
          {SECTION_VIEW[value]()}
        </>
      )}
    </SectionTabs>
  );
}

/** A section's name and what it is for, in one sentence. */
function SectionHeading({ section, as }: { section: AdminSection; as: 'h1' | 'h2' }) {
  const { t } = useTranslation('admin');
  return (
    <Stack gap={2}>
      <Title order={as === 'h1' ? 1 : 2} size={as === 'h1' ? 'h2' : 'h3'}>
        {t(`sections.${section}`)}
      </Title>
      <Text size="sm" c="dimmed" maw={760}>
        {t(`intro.${section}`)}
      </Text>
    </Stack>
  );
}
