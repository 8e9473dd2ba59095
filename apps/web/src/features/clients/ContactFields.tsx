import { Fieldset, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { PREFERRED_LANGUAGES, SEXES, type ContactValues } from './client-form';
import { DateOfBirthInput } from './DateOfBirthInput';

interface Props {
  form: UseFormReturnType<ContactValues>;
  /** Name, date of birth, sex and how to reach the client; no address, GP or emergency contact. */
  compact?: boolean;
}

/** The names of the languages a client may prefer, in the user's language. */
export function useLanguageOptions(current: string) {
  const { language } = useClinic();
  return useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: 'language' });
    const codes: string[] = [...PREFERRED_LANGUAGES];
    if (current && !codes.includes(current)) codes.push(current);
    return codes.map((code) => ({ value: code, label: names.of(code) ?? code }));
  }, [language, current]);
}

/** A titled group of fields: the legend reads as a small heading. */
export function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset
      legend={legend}
      variant="unstyled"
      styles={{ legend: { fontWeight: 600, marginBottom: 'var(--mantine-spacing-xs)' } }}
    >
      {children}
    </Fieldset>
  );
}

/** Identity and contact of a client: the register form's fields and the record's edit form. */
export function ContactFields({ form, compact = false }: Props) {
  const { t } = useTranslation('clients');
  const languages = useLanguageOptions(form.values.preferredLanguage);
  const sexes = SEXES.map((sex) => ({ value: sex, label: t(`sex.${sex}`) }));
  const input = (path: string) => form.getInputProps(path);

  const person = (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label={t('form.firstName')}
          required
          maxLength={100}
          autoComplete="off"
          {...input('firstName')}
        />
        <TextInput
          label={t('form.lastName')}
          description={compact ? undefined : t('form.lastNameHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          required
          maxLength={100}
          autoComplete="off"
          {...input('lastName')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <DateOfBirthInput
          label={t('form.dateOfBirth')}
          required
          {...input('dateOfBirth')}
          value={form.values.dateOfBirth}
        />
        <Select
          label={t('form.sex')}
          placeholder={t('form.notRecorded')}
          data={sexes}
          clearable
          {...input('sex')}
          value={form.values.sex || null}
          onChange={(value) => form.setFieldValue('sex', (value ?? '') as ContactValues['sex'])}
        />
      </SimpleGrid>
    </>
  );
  const contact = (
    <SimpleGrid cols={{ base: 1, xs: compact ? 2 : 3 }} spacing="sm">
      <TextInput
        label={t('form.email')}
        type="email"
        maxLength={254}
        autoComplete="off"
        {...input('email')}
      />
      <TextInput
        label={t('form.phone')}
        type="tel"
        placeholder="06-12345678"
        maxLength={30}
        autoComplete="off"
        {...input('phone')}
      />
      <Select
        label={t('form.preferredLanguage')}
        placeholder={t('form.notRecorded')}
        data={languages}
        searchable
        clearable
        {...input('preferredLanguage')}
        value={form.values.preferredLanguage || null}
        onChange={(value) => form.setFieldValue('preferredLanguage', value ?? '')}
      />
    </SimpleGrid>
  );

  if (compact) {
    return (
      <Stack gap="sm">
        {person}
        {contact}
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Section legend={t('form.person')}>
        <Stack gap="sm">{person}</Stack>
      </Section>
      <Section legend={t('form.contact')}>{contact}</Section>
      <Section legend={t('form.address')}>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <TextInput
            label={t('form.street')}
            maxLength={200}
            autoComplete="off"
            {...input('street')}
          />
          <TextInput
            label={t('form.postalCode')}
            maxLength={20}
            autoComplete="off"
            {...input('postalCode')}
          />
          <TextInput label={t('form.city')} maxLength={100} autoComplete="off" {...input('city')} />
        </SimpleGrid>
      </Section>
      <Section legend={t('form.generalPractitioner')}>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <TextInput
            label={t('form.gpName')}
            maxLength={200}
            autoComplete="off"
            {...input('generalPractitioner.name')}
          />
          <TextInput
            label={t('form.gpPractice')}
            maxLength={200}
            autoComplete="off"
            {...input('generalPractitioner.practice')}
          />
          <TextInput
            label={t('form.gpPhone')}
            type="tel"
            maxLength={30}
            autoComplete="off"
            {...input('generalPractitioner.phone')}
          />
        </SimpleGrid>
      </Section>
      <Section legend={t('form.emergencyContact')}>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <TextInput
            label={t('form.emergencyName')}
            maxLength={200}
            autoComplete="off"
            {...input('emergencyContact.name')}
          />
          <TextInput
            label={t('form.emergencyRelation')}
            placeholder={t('form.emergencyRelationPlaceholder')}
            maxLength={100}
            autoComplete="off"
            {...input('emergencyContact.relation')}
          />
          <TextInput
            label={t('form.emergencyPhone')}
            type="tel"
            maxLength={30}
            autoComplete="off"
            {...input('emergencyContact.phone')}
          />
        </SimpleGrid>
      </Section>
    </Stack>
  );
}
