import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../../app/clinic-context';
import { cleanContent, numberOrUndefined } from '../content-clean';
import { RemoveRowButton } from '../RemoveRowButton';
import type { EditorProps, NutritionContent, NutritionDraft } from '../editor';
import { usePreviousNotes } from '../queries';
import { EarlierChallenges } from './EarlierChallenges';
import { alreadyChallenged, earlierChallenges, type Challenge } from './earlier-challenges';

const PHASES: NutritionContent['phase'][] = [
  'elimination',
  'reintroduction',
  'maintenance',
  'other',
];
const PROTOCOLS: NonNullable<NutritionContent['protocol']>[] = [
  'carnivore',
  'ketogenic',
  'aip',
  'other',
];
const SEVERITIES: Challenge['severity'][] = ['none', 'mild', 'moderate', 'severe'];

/**
 * A nutrition session: the diet phase and protocol, adherence, weight, symptoms, and the
 * reintroduction challenges as a table, with the client's earlier challenges in view and a
 * warning at a food that was reintroduced before.
 */
export function NutritionEditor(props: EditorProps<NutritionContent>) {
  const { t } = useTranslation('notes');
  const { format, language } = useClinic();
  const content = (props.content ?? {}) as NutritionDraft;
  const previous = usePreviousNotes(props.note, { limit: 50 });
  const earlier = earlierChallenges(previous.data ?? []);
  const challenges = content.challenges ?? [];
  const change = (next: NutritionDraft) =>
    props.onChange(cleanContent({ ...content, ...next }) as NutritionContent);
  const setChallenge = (index: number, next: Partial<Challenge>) =>
    change({
      challenges: challenges.map((row, i) => (i === index ? { ...row, ...next } : row)),
    });
  const error = (path: string) => props.errors[path];
  const option = (prefix: string) => (value: string) => ({
    value,
    label: t(`nutrition.${prefix}.${value}`),
  });

  if (props.readOnly) return <NutritionSummary content={content} />;

  return (
    <Stack gap="md">
      <Group grow align="flex-start" wrap="wrap">
        <NativeSelect
          label={t('nutrition.phase')}
          value={content.phase ?? ''}
          data={[{ value: '', label: t('nutrition.choose') }, ...PHASES.map(option('phases'))]}
          onChange={(event) =>
            change({ phase: (event.currentTarget.value || undefined) as NutritionContent['phase'] })
          }
          error={error('phase')}
        />
        <NativeSelect
          label={t('nutrition.protocol')}
          value={content.protocol ?? ''}
          data={[{ value: '', label: t('nutrition.none') }, ...PROTOCOLS.map(option('protocols'))]}
          onChange={(event) =>
            change({
              protocol: (event.currentTarget.value || undefined) as NutritionContent['protocol'],
            })
          }
          error={error('protocol')}
        />
        <NumberInput
          label={t('nutrition.adherence')}
          suffix=" %"
          min={0}
          max={100}
          value={content.adherencePercent ?? ''}
          onChange={(value) => change({ adherencePercent: numberOrUndefined(value) })}
          error={error('adherencePercent')}
        />
        <NumberInput
          label={t('nutrition.weight')}
          suffix=" kg"
          min={20}
          max={400}
          decimalScale={1}
          decimalSeparator={language === 'nl' ? ',' : '.'}
          value={content.weightKg ?? ''}
          onChange={(value) => change({ weightKg: numberOrUndefined(value) })}
          error={error('weightKg')}
        />
      </Group>
      <TagsInput
        label={t('nutrition.symptoms')}
        description={t('nutrition.symptomsHint')}
        value={content.symptoms ?? []}
        onChange={(symptoms) => change({ symptoms })}
        maxTags={30}
        error={error('symptoms')}
      />
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('nutrition.challenges')}
        </Title>
        {challenges.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t('nutrition.noChallenges')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('nutrition.food')}</Table.Th>
                  <Table.Th w={160}>{t('nutrition.date')}</Table.Th>
                  <Table.Th>{t('nutrition.reaction')}</Table.Th>
                  <Table.Th w={140}>{t('nutrition.severity')}</Table.Th>
                  <Table.Th w={48}>
                    <VisuallyHidden>{t('nutrition.rowActions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {challenges.map((row, index) => {
                  const before = alreadyChallenged(row.food, earlier);
                  const n = index + 1;
                  const at = (field: string) => error(`challenges[${index}].${field}`);
                  return (
                    <Table.Tr key={index} style={{ verticalAlign: 'top' }}>
                      <Table.Td>
                        <TextInput
                          aria-label={t('nutrition.foodOf', { n })}
                          value={row.food ?? ''}
                          maxLength={200}
                          onChange={(event) =>
                            setChallenge(index, { food: event.currentTarget.value })
                          }
                          error={at('food')}
                        />
                        {before && (
                          <Group
                            gap={4}
                            mt={4}
                            wrap="nowrap"
                            c="var(--mantine-color-orange-light-color)"
                          >
                            <IconAlertTriangle size={14} aria-hidden />
                            <Text size="xs" c="var(--mantine-color-orange-light-color)">
                              {t('nutrition.alreadyChallenged', {
                                date: format.date(before.date),
                                severity: t(`nutrition.severities.${before.severity}`),
                              })}
                            </Text>
                          </Group>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          type="date"
                          aria-label={t('nutrition.dateOf', { n })}
                          value={row.date ?? ''}
                          onChange={(event) =>
                            setChallenge(index, { date: event.currentTarget.value })
                          }
                          error={at('date')}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={t('nutrition.reactionOf', { n })}
                          value={row.reaction ?? ''}
                          maxLength={2000}
                          onChange={(event) =>
                            setChallenge(index, { reaction: event.currentTarget.value })
                          }
                          error={at('reaction')}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NativeSelect
                          aria-label={t('nutrition.severityOf', { n })}
                          value={row.severity ?? ''}
                          data={[
                            { value: '', label: t('nutrition.choose') },
                            ...SEVERITIES.map(option('severities')),
                          ]}
                          onChange={(event) =>
                            setChallenge(index, {
                              severity: (event.currentTarget.value ||
                                undefined) as Challenge['severity'],
                            })
                          }
                          error={at('severity')}
                        />
                      </Table.Td>
                      <Table.Td>
                        <RemoveRowButton
                          label={t('nutrition.removeChallenge', { n })}
                          onClick={() =>
                            change({ challenges: challenges.filter((_, i) => i !== index) })
                          }
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Button
          variant="light"
          w="fit-content"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() =>
            change({ challenges: [...challenges, { date: props.note.sessionDate } as Challenge] })
          }
        >
          {t('nutrition.addChallenge')}
        </Button>
      </Stack>
      <EarlierChallenges query={previous} challenges={earlier} />
    </Stack>
  );
}

function NutritionSummary({ content }: { content: NutritionDraft }) {
  const { t } = useTranslation('notes');
  const { format } = useClinic();
  const facts = [
    content.phase && t(`nutrition.phases.${content.phase}`),
    content.protocol && t(`nutrition.protocols.${content.protocol}`),
    content.adherencePercent !== undefined &&
      t('nutrition.adherenceShown', { percent: content.adherencePercent }),
    content.weightKg !== undefined && t('nutrition.weightShown', { kg: content.weightKg }),
  ].filter(Boolean);
  return (
    <Stack gap="sm">
      <Text size="sm">{facts.join(' · ')}</Text>
      {content.symptoms?.length ? (
        <Text size="sm">{t('nutrition.symptomsShown', { list: content.symptoms.join(', ') })}</Text>
      ) : null}
      {content.challenges?.length ? (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('nutrition.food')}</Table.Th>
                <Table.Th>{t('nutrition.date')}</Table.Th>
                <Table.Th>{t('nutrition.reaction')}</Table.Th>
                <Table.Th>{t('nutrition.severity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {content.challenges.map((row, index) => (
                <Table.Tr key={index}>
                  <Table.Td>{row.food}</Table.Td>
                  <Table.Td>{row.date ? format.date(row.date) : ''}</Table.Td>
                  <Table.Td>{row.reaction}</Table.Td>
                  <Table.Td>{row.severity && t(`nutrition.severities.${row.severity}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
