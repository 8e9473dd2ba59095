import type { Ref } from 'react';
import type { TFunction } from 'i18next';
import type { Language } from '../../i18n';
import type { ClinicFormat } from '../../lib/format';
import { overviewRows } from './overview-rows';
import type { AccessOverview } from './queries';
import classes from './AccessOverview.module.css';

interface Props {
  overview: AccessOverview;
  client: { firstName: string; lastName: string; clientNumber: string; dateOfBirth: string };
  clinicName: string;
  /** The day the document is made, `YYYY-MM-DD` on the clinic's clock. */
  today: string;
  /** The client's language, and `t` and `format` in it. */
  language: Language;
  t: TFunction;
  format: ClinicFormat;
  ref?: Ref<HTMLElement>;
}

/**
 * The access overview as the client reads it: plain elements only (a heading, paragraphs, one
 * table), so that what is printed and what is downloaded are this very markup, and nothing in it
 * needs the app to be read.
 */
export function AccessOverviewDocument({
  overview,
  client,
  clinicName,
  today,
  language,
  t,
  format,
  ref,
}: Props) {
  const rows = overviewRows(overview.entries, t, format);
  return (
    <article ref={ref} lang={language} className={classes.document}>
      <h1>{t('privacy:document.title')}</h1>
      <p>
        <strong>
          {t('privacy:document.client', {
            name: `${client.firstName} ${client.lastName}`,
            number: client.clientNumber,
            born: format.date(client.dateOfBirth),
          })}
        </strong>
      </p>
      <p>{t('privacy:document.produced', { clinic: clinicName, date: format.date(today) })}</p>
      <p>{t('privacy:document.explain', { clinic: clinicName })}</p>
      {rows.some((row) => row.breakGlass) && <p>{t('privacy:document.breakGlass')}</p>}
      {rows.length === 0 ? (
        <p>{t('privacy:document.none')}</p>
      ) : (
        <table>
          <caption>{t('privacy:document.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('privacy:document.when')}</th>
              <th scope="col">{t('privacy:document.who')}</th>
              <th scope="col">{t('privacy:document.what')}</th>
              <th scope="col">{t('privacy:document.data')}</th>
              <th scope="col">{t('privacy:document.purpose')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                <td>{row.when}</td>
                <td>{row.who}</td>
                <td>{row.what}</td>
                <td>{row.data}</td>
                <td>{row.breakGlass ? <strong>{row.purpose}</strong> : row.purpose}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {overview.truncated && <p>{t('privacy:document.truncated')}</p>}
    </article>
  );
}
