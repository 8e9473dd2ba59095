import {
  Badge,
  Combobox,
  Group,
  Loader,
  NativeSelect,
  Text,
  TextInput,
  useCombobox,
} from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { MERIDIAN_GROUPS, searchPoints, type PointIndex } from './point-search';
import classes from './acupuncture.module.css';

/** Room for about six results under the search field. */
const ROOM_BELOW = 320;

/**
 * Scrolls the page so that the results fit under the search field: on a tablet the on-screen
 * keyboard takes the lower half of the screen, where the list would otherwise open unseen.
 */
function revealRoomBelow(input: HTMLElement) {
  const visible = window.visualViewport?.height ?? window.innerHeight;
  const { top, bottom } = input.getBoundingClientRect();
  const short = ROOM_BELOW - (visible - bottom);
  // Not past the top of the screen, where the page's sticky header is.
  if (short > 0) window.scrollBy({ top: Math.min(short, top - 80), behavior: 'smooth' });
}

/** Enough for the longest meridian (BL, 67 points) when one is chosen and nothing typed. */
const SHOWN = 70;

interface Props {
  catalogue: PointIndex | undefined;
  loading: boolean;
  pickedCodes: ReadonlySet<string>;
  onPick(code: string): void;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * Finds a point as the practitioner thinks of it (ST36, st 36, zusanli, Zúsānlǐ, "three
 * miles"), optionally on one meridian, and picks it with Enter or a tap. The catalogue is in
 * memory, so the list follows every keystroke; the best match is preselected, so
 * "st36 Enter" picks ST36.
 */
export function PointPicker({ catalogue, loading, pickedCodes, onPick, inputRef }: Props) {
  const { t } = useTranslation('acupuncture');
  const [text, setText] = useState('');
  const [meridian, setMeridian] = useState('');
  const combobox = useCombobox();
  const results = useMemo(
    () =>
      catalogue
        ? searchPoints(catalogue, { text, meridian, limit: SHOWN })
        : { points: [], total: 0 },
    [catalogue, text, meridian],
  );

  // After the options have rendered: the best match is the one Enter picks.
  const { dropdownOpened, selectFirstOption } = combobox;
  useEffect(() => {
    if (dropdownOpened) selectFirstOption();
  }, [results, dropdownOpened, selectFirstOption]);

  const nothingFound = catalogue !== undefined && text.trim() !== '' && results.total === 0;
  const more = results.total - results.points.length;

  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      <Combobox
        store={combobox}
        onOptionSubmit={(code) => {
          onPick(code);
          setText('');
          combobox.closeDropdown();
        }}
        shadow="md"
      >
        <Combobox.Target withExpandedAttribute>
          <TextInput
            ref={inputRef}
            label={t('picker.search')}
            placeholder={t('picker.searchPlaceholder')}
            leftSection={
              loading ? (
                <Loader size={14} aria-label={t('picker.loading')} />
              ) : (
                <IconSearch size={16} aria-hidden />
              )
            }
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              combobox.openDropdown();
            }}
            onClick={() => combobox.openDropdown()}
            onFocus={(event) => {
              revealRoomBelow(event.currentTarget);
              combobox.openDropdown();
            }}
            onBlur={() => combobox.closeDropdown()}
            // Said under the field rather than as an empty list, which reads as broken.
            description={
              nothingFound ? t('picker.nothingFound', { query: text.trim() }) : undefined
            }
            disabled={!catalogue}
            style={{ flex: '1 1 18rem' }}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={results.points.length === 0}>
          <Combobox.Options
            aria-label={t('picker.results')}
            mah={360}
            style={{ overflowY: 'auto' }}
          >
            {results.points.map((point) => (
              <Combobox.Option key={point.code} value={point.code} className={classes.option}>
                <Group gap="xs" wrap="nowrap">
                  <Text component="span" size="sm" fw={700} w="4.5rem" style={{ flexShrink: 0 }}>
                    {point.code}
                  </Text>
                  <Text component="span" size="sm" style={{ flexShrink: 0 }}>
                    {point.pinyin}
                  </Text>
                  {point.english && (
                    <Text component="span" size="sm" truncate className={classes.optionEnglish}>
                      {point.english}
                    </Text>
                  )}
                  {pickedCodes.has(point.code) && (
                    <Badge size="sm" variant="light" color="gray" c="gray.8" ml="auto">
                      {t('picker.alreadyPicked')}
                    </Badge>
                  )}
                </Group>
              </Combobox.Option>
            ))}
          </Combobox.Options>
          {more > 0 && (
            <Combobox.Footer>
              <Text size="xs" c="dimmed">
                {t('picker.more', { count: more })}
              </Text>
            </Combobox.Footer>
          )}
        </Combobox.Dropdown>
      </Combobox>
      <NativeSelect
        label={t('picker.meridian')}
        value={meridian}
        onChange={(event) => {
          setMeridian(event.currentTarget.value);
        }}
        data={[
          { value: '', label: t('picker.allMeridians') },
          ...MERIDIAN_GROUPS.map((code) => ({
            value: code,
            label: `${code} · ${t(`meridians.${code}`)}`,
          })),
        ]}
        w={{ base: '100%', xs: '16rem' }}
      />
    </Group>
  );
}
