import { Stack, Tabs, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props<S extends string> {
  /** The page's name, its one h1. */
  title: string;
  /** The tab list's name for screen readers ("Onderdelen van Praktijk"). */
  label: string;
  /** The sections this user may open, in order. */
  sections: readonly S[];
  current: S;
  name(section: S): string;
  /** The address follows the tab: a section is a link to share and a place to return to. */
  onSelect(section: S): void;
  /** A section's content under its h2; only the open one is mounted (and fetches). */
  children(section: S): ReactNode;
}

/** A page of sections as tabs (admin, privacy): one h1, a tab per section, its name as h2. */
export function SectionTabs<S extends string>(props: Props<S>) {
  const { sections, name } = props;
  return (
    <Stack gap="sm" maw={1360} mx="auto">
      <Title order={1} size="h2">
        {props.title}
      </Title>
      <Tabs
        value={props.current}
        onChange={(value) => value && props.onSelect(value as S)}
        keepMounted={false}
      >
        <Tabs.List aria-label={props.label}>
          {sections.map((section) => (
            <Tabs.Tab key={section} value={section}>
              {name(section)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {sections.map((section) => (
          <Tabs.Panel key={section} value={section} pt="md">
            <Stack gap="md">{props.children(section)}</Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
