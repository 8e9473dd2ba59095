/**
 * The feature's two signal colours, dark enough for small text on white (WCAG AA 4.5:1):
 * overdue in Mantine's darkest red (5.6:1), urgent in a burnt orange (6.0:1; Mantine's
 * darkest orange reads 4.3:1). Each always comes with words and an icon.
 */
export const OVERDUE_COLOR = 'red.9';
export const URGENT_COLOR = '#a8430b';
