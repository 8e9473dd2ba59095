import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconPrinter } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { useClinic } from '../../app/clinic-context';
import { todayIn } from '../../lib/clinic-time';
import { clinicFormat } from '../../lib/format';
import { notifyDone } from '../../ui/notify';
import { QueryState } from '../../ui/QueryState';
import { AccessOverviewDocument } from './AccessOverviewDocument';
import { MfaRequired } from './MfaRequired';
import { fileNamePart, saveFile } from './download';
import { overviewFile } from './overview-file';
import { documentLanguage } from './privacy-period';
import { useAccessOverview, useClientRecord, type AccessOverview } from './queries';
import classes from './AccessOverview.module.css';

/**
 * `/privacy/clients/$clientId`: who saw or changed the client's record, as a document an admin
 * hands to the client who asks, in the client's language (the page around it stays in the
 * user's): printed without the app around it, or downloaded as one self-contained HTML file
 * made here from the same markup. Only in a session that passed a second factor.
 */
export function AccessOverviewPage() {
  const { t } = useTranslation(['privacy', 'common']);
  const { me } = useClinic();
  const { clientId } = useParams({ from: '/privacy/clients/$clientId' });
  // Nothing is asked for without a second factor: the page then only shows the way to one.
  const client = useClientRecord(me.mfaSession ? clientId : undefined);
  const overview = useAccessOverview(clientId, me.mfaSession);
  return (
    <Stack gap="md" maw={1040} mx="auto">
      <Stack gap="xs" className={classes.screenOnly}>
        <Anchor
          renderRoot={(props) => <Link to="/clients/$clientId" params={{ clientId }} {...props} />}
          size="sm"
          w="fit-content"
        >
          <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
          {t('overview.back')}
        </Anchor>
        <Title order={1} size="h2">
          {t('overview.title')}
        </Title>
      </Stack>
      {!me.mfaSession ? (
        <MfaRequired />
      ) : (
        <QueryState query={client}>
          {(record) => (
            <QueryState query={overview}>
              {(data) => (
                <Suspense fallback={null}>
                  <Overview client={record} overview={data} />
                </Suspense>
              )}
            </QueryState>
          )}
        </QueryState>
      )}
    </Stack>
  );
}

function Overview({
  client,
  overview,
}: {
  client: Schemas['ClientResponse'];
  overview: AccessOverview;
}) {
  const { t } = useTranslation(['privacy', 'common']);
  const { clinic, timeZone } = useClinic();
  const language = documentLanguage(client.preferredLanguage, clinic.locale);
  // The document's words in the client's language (loaded when it is not the user's).
  const { t: td } = useTranslation(['privacy', 'common'], { lng: language });
  const format = clinicFormat(language, timeZone);
  const today = todayIn(timeZone);
  const documentRef = useRef<HTMLElement>(null);
  const name = `${client.firstName} ${client.lastName}`;

  const download = () => {
    const node = documentRef.current;
    if (!node) return;
    // The markup as shown, without the page's class names (the file carries its own style).
    const copy = node.cloneNode(true) as HTMLElement;
    for (const element of [copy, ...copy.querySelectorAll('[class]')]) {
      element.removeAttribute('class');
    }
    const title = `${td('privacy:document.title')} ${client.clientNumber}`;
    saveFile(
      `${fileNamePart(td('privacy:overview.title'))}-${fileNamePart(client.clientNumber)}-${today}.html`,
      overviewFile(copy.outerHTML, title, language),
      'text/html;charset=utf-8',
    );
    notifyDone(t('overview.downloaded'));
  };

  return (
    <Stack gap="md">
      <Stack gap="sm" className={classes.screenOnly}>
        <Text size="sm" c="gray.7" maw={880}>
          {t('overview.intro', { name, language: t(`overview.language.${language}`) })}
        </Text>
        <Group gap="sm">
          <Button
            leftSection={<IconPrinter size={16} aria-hidden />}
            onClick={() => window.print()}
          >
            {t('overview.print')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={download}
          >
            {t('overview.download')}
          </Button>
        </Group>
      </Stack>
      <AccessOverviewDocument
        ref={documentRef}
        overview={overview}
        client={client}
        clinicName={clinic.name}
        today={today}
        language={language}
        t={td}
        format={format}
      />
    </Stack>
  );
}
