import { AppShell, Box, Button, Group, Kbd, Menu, Text, UnstyledButton } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import {
  IconChevronDown,
  IconLogout,
  IconSearch,
  IconUserCircle,
  IconUsers,
} from '@tabler/icons-react';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ClientSpotlight } from '../../features/clients/ClientSpotlight';
import { useClinic } from '../clinic-context';
import { signOut } from '../session/session-store';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';
import { navEntriesFor } from './navigation';
import classes from './AppLayout.module.css';

export function AppLayout() {
  const { t } = useTranslation();
  const { me, clinic } = useClinic();
  const navigate = useNavigate();
  const isMac = typeof navigator !== 'undefined' && /Mac|iPad|iPhone/.test(navigator.platform);

  return (
    <AppShell header={{ height: 56 }} padding="md">
      <a href="#main" className={classes.skipLink}>
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" gap="lg" wrap="nowrap">
          <Group gap={8} wrap="nowrap">
            <Logo />
            <Box visibleFrom="lg">
              <Text size="sm" c="dimmed" truncate maw={180}>
                {clinic.name}
              </Text>
            </Box>
          </Group>
          <nav aria-label={t('shell.navigation')} className={classes.nav}>
            {navEntriesFor(me).map((entry) => (
              <Link
                key={entry.to}
                to={entry.to}
                className={classes.navLink}
                activeProps={{ 'aria-current': 'page' }}
              >
                {t(entry.label)}
              </Link>
            ))}
          </nav>
          <Group gap="sm" ml="auto" wrap="nowrap">
            {/* Below desktop width (a tablet) the office's roles need the header's room for
                their menu entries: the search button shows its icon, its name is still read. */}
            <Button
              variant="default"
              leftSection={<IconSearch size={16} aria-hidden />}
              rightSection={
                <Box visibleFrom="lg" component="span" aria-hidden style={{ whiteSpace: 'nowrap' }}>
                  <Kbd size="xs">{isMac ? '⌘' : 'Ctrl'}</Kbd> <Kbd size="xs">K</Kbd>
                </Box>
              }
              className={classes.search}
              onClick={() => spotlight.open()}
              aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
            >
              <span className={classes.searchLabel}>{t('shell.findClient')}</span>
            </Button>
            <LanguageSwitch compact />
            <Menu position="bottom-end" width={220} withInitialFocusPlaceholder={false}>
              <Menu.Target>
                <UnstyledButton
                  className={classes.user}
                  aria-label={t('shell.userMenu', { name: me.displayName })}
                >
                  <Group gap={6} wrap="nowrap">
                    <IconUserCircle size={22} aria-hidden />
                    <Text size="sm" fw={500} truncate maw={160} visibleFrom="lg">
                      {me.displayName}
                    </Text>
                    <IconChevronDown size={14} aria-hidden />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  leftSection={<IconUserCircle size={16} aria-hidden />}
                  onClick={() => void navigate({ to: '/account' })}
                >
                  {t('shell.account')}
                </Menu.Item>
                {/* The staff directory, for whom the clinic's menu entry (its people) is not there. */}
                {me.permissions.includes('users:directory') &&
                  !me.permissions.includes('users:read') && (
                    <Menu.Item
                      leftSection={<IconUsers size={16} aria-hidden />}
                      onClick={() =>
                        void navigate({ to: '/admin/$section', params: { section: 'directory' } })
                      }
                    >
                      {t('shell.directory')}
                    </Menu.Item>
                  )}
                <Menu.Item
                  leftSection={<IconLogout size={16} aria-hidden />}
                  onClick={() => void signOut()}
                >
                  {t('shell.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <Outlet />
      </AppShell.Main>
      <ClientSpotlight />
    </AppShell>
  );
}
