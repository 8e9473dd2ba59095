import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** One accent colour, a calm teal, with shades dark enough for text on white (WCAG AA). */
const meridian: MantineColorsTuple = [
  '#e6f6f4',
  '#cdeae6',
  '#9dd5cd',
  '#69bfb3',
  '#43ad9f',
  '#2b9f90',
  '#1c7c74',
  '#146b63',
  '#0b5a53',
  '#004943',
];

export const theme = createTheme({
  primaryColor: 'meridian',
  primaryShade: 6,
  colors: { meridian },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  defaultRadius: 'sm',
  cursorType: 'pointer',
  // Someone who asked their system for less motion gets dialogs and notices without animation.
  respectReducedMotion: true,
  components: {
    // Tablets in treatment rooms: controls big enough for a finger.
    Button: { defaultProps: { size: 'sm' } },
    // Under a title Mantine greys a notification's message to gray 6 (3.3:1 on white).
    Notification: { styles: { description: { color: 'var(--mantine-color-gray-8)' } } },
  },
});

/**
 * Mantine's "dimmed" grey reads at 3.5:1 on white, under WCAG AA's 4.5:1 for body text;
 * secondary text here is a shade darker everywhere. So is the red of a field's error message
 * (red 6 reads at 3.6:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // Light badges and alerts write in their hue on a pale tint of it: Mantine's default text
    // shades (yellow and orange above all) read under 4.5:1 there, so each is darker.
    '--mantine-color-teal-light-color': '#05634a',
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
    '--mantine-color-violet-light-color': 'var(--mantine-color-violet-9)',
    '--mantine-color-grape-light-color': 'var(--mantine-color-grape-9)',
    '--mantine-color-orange-light-color': '#9c3a05',
    '--mantine-color-yellow-light-color': '#765300',
    '--mantine-color-red-light-color': 'var(--mantine-color-red-9)',
    // White on Mantine's red 6 reads at 3.6:1: a destructive button is a shade darker.
    '--mantine-color-red-filled': 'var(--mantine-color-red-9)',
    '--mantine-color-red-filled-hover': '#a61e1e',
  },
  dark: {},
});
