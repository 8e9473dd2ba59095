import {
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Tabs,
  Text,
  Title,
  Badge,
  ThemeIcon,
} from '@mantine/core';
import { IconChecks, IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_LISTS, type FollowUpsSearch } from '../../app/router';
import { useClinic } from '../../app/clinic-context';
import { todayIn } from '../../lib/clinic-time';
import { useNow } from '../../lib/use-now';
import { QueryState } from '../../ui/QueryState';
import { FollowUpDrawer } from './FollowUpDrawer';
import { FollowUpTable } from './FollowUpTable';
import {
  defaultList,
  dueFilterApplies,
  listParams,
  orderTasks,
  summarize,
  type ListSummary,
} from './list-query';
import { useFollowUpList, useOverdueCount } from './queries';
import {
  FOLLOW_UP_STATUSES,
  FOLLOW_UP_TYPES,
  isFollowUpType,
  type DueFilter,
  type FollowUpList,
  type FollowUpStatus,
  type FollowUpType,
} from './types';
import { OVERDUE_COLOR } from './colors';

/** The create form is fetched when first wanted: most visits only work the list. */
const loadCreateForm = () => import('./CreateFollowUpForm');
const CreateFollowUpModal = lazy(() =>
  loadCreateForm().then((module) => ({ default: module.CreateFollowUpModal })),
);

const PAGE_SIZE = 50;

/**
 * The follow-up work screen: the reception queue, my tasks or everyone's, overdue first and
 * marked; filters in the URL; a task's detail in a drawer (`task=<id>`, so a reload reopens it);
 * create, complete, cancel and reassign for who may.
 */
export function FollowUpsPage() {
  const { t } = useTranslation('followUps');
  const { me, can } = useClinic();
  const search = useSearch({ from: '/follow-ups' });
  const navigate = useNavigate({ from: '/follow-ups' });
  const [creating, setCreating] = useState(false);
  // Mounted from the first "Nieuwe taak" on, so the dialog opens and closes with its transition.
  const [createWanted, setCreateWanted] = useState(false);
  const [createdId, setCreatedId] = useState<string>();
  const startCreate = () => {
    setCreateWanted(true);
    setCreating(true);
  };
  const list = search.list ?? defaultList(me);

  const setSearch = (change: Partial<FollowUpsSearch>, replace = true) =>
    void navigate({ search: (prev) => ({ ...prev, ...change }), replace });
  const openTask = (id: string) => setSearch({ task: id }, false);

  return (
    <Stack gap="sm" maw={1360} mx="auto">
      <Group justify="space-between" wrap="nowrap">
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        {can('follow-ups:write') && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={startCreate}
            onPointerEnter={() => void loadCreateForm()}
            onFocus={() => void loadCreateForm()}
          >
            {t('create.open')}
          </Button>
        )}
      </Group>
      <Tabs
        value={list}
        onChange={(value) => value && setSearch({ list: value as FollowUpList }, false)}
      >
        <Tabs.List aria-label={t('lists.label')}>
          {FOLLOW_UP_LISTS.map((value) => (
            <Tabs.Tab
              key={value}
              value={value}
              rightSection={value !== 'all' ? <OverdueBadge list={value} /> : undefined}
            >
              {t(`lists.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {FOLLOW_UP_LISTS.map((value) => (
          <Tabs.Panel key={value} value={value} pt="sm">
            {value === list && (
              <TaskList
                list={list}
                search={search}
                onSearch={setSearch}
                onOpen={openTask}
                onCreate={can('follow-ups:write') ? startCreate : undefined}
              />
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
      <FollowUpDrawer
        taskId={search.task}
        createdId={createdId}
        onClose={() => setSearch({ task: undefined })}
        onOpenTask={openTask}
      />
      {createWanted && (
        <Suspense fallback={null}>
          <CreateFollowUpModal
            opened={creating}
            onClose={() => setCreating(false)}
            onCreated={(task) => {
              setCreating(false);
              setCreatedId(task.id);
              openTask(task.id);
            }}
          />
        </Suspense>
      )}
    </Stack>
  );
}

/** "3 te laat" beside a list's name: its open tasks past due (one page counted, then "100+"). */
function OverdueBadge({ list }: { list: 'queue' | 'mine' }) {
  const { t } = useTranslation('followUps');
  const count = useOverdueCount(list === 'queue' ? 'reception' : 'me');
  if (!count.data || count.data.count === 0) return null;
  return (
    <Badge color={OVERDUE_COLOR} variant="filled" size="sm" radius="sm" tt="none">
      {t(count.data.more ? 'overdueCountMore' : 'overdueCount', { count: count.data.count })}
    </Badge>
  );
}

interface TaskListProps {
  list: FollowUpList;
  search: FollowUpsSearch;
  onSearch(change: Partial<FollowUpsSearch>): void;
  onOpen(id: string): void;
  onCreate?: () => void;
}

function TaskList({ list, search, onSearch, onOpen, onCreate }: TaskListProps) {
  const { t } = useTranslation('followUps');
  const { t: tc } = useTranslation();
  const { timeZone } = useClinic();
  const now = useNow();
  const type = isFollowUpType(search.type) ? search.type : undefined;
  const due = search.due && dueFilterApplies(search.due, search.status) ? search.due : undefined;
  // The API's bounds move at the clinic's midnight, not with every tick of `now`.
  const today = todayIn(timeZone, now);
  const params = useMemo(
    () => listParams({ list, type, due, status: search.status }, now, timeZone),
    [list, type, due, search.status, timeZone, today],
  );
  const query = useFollowUpList(params, PAGE_SIZE);
  const loaded = useMemo(() => query.data?.pages.flatMap((page) => page.data) ?? [], [query.data]);
  const tasks = useMemo(() => orderTasks(loaded, now), [loaded, now]);
  const summary = summarize(tasks, query.hasNextPage, now);
  const filtered = type !== undefined || due !== undefined;

  return (
    <Stack gap="sm">
      <Filters
        type={type}
        due={due}
        status={search.status}
        summary={query.data ? summary : undefined}
        onChange={onSearch}
      />
      <QueryState
        query={query}
        isEmpty={() => tasks.length === 0}
        empty={
          <>
            <ThemeIcon size={44} radius="xl" variant="light" aria-hidden>
              <IconChecks size={26} />
            </ThemeIcon>
            <Text fw={600}>
              {filtered
                ? t('empty.filtered')
                : t(`empty.${search.status && search.status !== 'open' ? search.status : list}`)}
            </Text>
            <Group justify="center">
              {filtered && (
                <Button
                  variant="default"
                  onClick={() => onSearch({ type: undefined, due: undefined })}
                >
                  {t('filters.clear')}
                </Button>
              )}
              {onCreate && !filtered && (
                <Button variant="light" onClick={onCreate}>
                  {t('create.open')}
                </Button>
              )}
            </Group>
          </>
        }
      >
        {() => (
          <Stack gap="xs">
            <FollowUpTable
              tasks={tasks}
              now={now}
              showAssignee={list === 'all'}
              selectedId={search.task}
              label={t(`lists.${list}`)}
              onOpen={onOpen}
            />
            {query.hasNextPage && (
              <Group justify="center">
                <Button
                  variant="default"
                  loading={query.isFetchingNextPage}
                  onClick={() => void query.fetchNextPage()}
                >
                  {tc('actions.loadMore')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

interface FiltersProps {
  type?: FollowUpType;
  due?: DueFilter;
  status?: FollowUpStatus;
  summary?: ListSummary;
  onChange(change: Partial<FollowUpsSearch>): void;
}

function Filters({ type, due, status, summary, onChange }: FiltersProps) {
  const { t } = useTranslation('followUps');
  const dueLabel = useId();
  const open = (status ?? 'open') === 'open';
  const dueOptions = (['any', 'overdue', 'today', 'week'] as const).map((value) => ({
    value,
    label: t(`filters.${value}`),
    disabled: value === 'overdue' && !open,
  }));
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <NativeSelect
        label={t('filters.type')}
        w={200}
        value={type ?? 'any'}
        onChange={(event) => {
          const value = event.currentTarget.value;
          onChange({ type: value === 'any' ? undefined : value });
        }}
        data={[
          { value: 'any', label: t('filters.anyType') },
          ...FOLLOW_UP_TYPES.map((value) => ({ value, label: t(`types.${value}`) })),
        ]}
      />
      <Stack gap={4}>
        <Text component="span" id={dueLabel} size="sm" fw={500}>
          {t('filters.due')}
        </Text>
        <SegmentedControl
          aria-labelledby={dueLabel}
          value={due ?? 'any'}
          onChange={(value) =>
            onChange({ due: value === 'any' ? undefined : (value as DueFilter) })
          }
          data={dueOptions}
        />
      </Stack>
      <NativeSelect
        label={t('filters.status')}
        w={160}
        value={status ?? 'open'}
        onChange={(event) => {
          const value = event.currentTarget.value as FollowUpStatus;
          onChange({
            status: value === 'open' ? undefined : value,
            // Done and cancelled work is never overdue.
            ...(due === 'overdue' && value !== 'open' ? { due: undefined } : {}),
          });
        }}
        data={FOLLOW_UP_STATUSES.map((value) => ({ value, label: t(`statuses.${value}`) }))}
      />
      {summary && (
        <Text size="sm" c="dimmed" ml="auto" aria-live="polite">
          {summary.more
            ? t('summary.countMore', { count: summary.count })
            : t('summary.count', { count: summary.count })}
          {summary.overdue > 0 && (
            <Text span c={OVERDUE_COLOR} fw={600} size="sm">
              {` · ${t('summary.overdue', { count: summary.overdue })}`}
            </Text>
          )}
        </Text>
      )}
    </Group>
  );
}
