import { AppConfig } from '@meridian/core';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Mailer } from './mailer';

describe(Mailer.name, () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'meridian-mail-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('writes each message as an .eml file named by its notification when there is no SMTP_URL', async () => {
    const config = { MAIL_FROM: 'Kliniek <no-reply@kliniek.test>', MAIL_DIR: folder } as AppConfig;
    await new Mailer(config).send({
      id: '0193b0c2-0000-7000-8000-000000000001',
      to: 'noor@example.nl',
      subject: 'Herinnering: uw afspraak',
      text: 'Tot morgen om 10:00.',
    });
    const eml = await readFile(join(folder, '0193b0c2-0000-7000-8000-000000000001.eml'), 'utf8');
    expect(eml).toMatch(/^From: Kliniek <no-reply@kliniek\.test>$/m);
    expect(eml).toMatch(/^To: noor@example\.nl$/m);
    expect(eml).toMatch(/^Message-ID: <0193b0c2-0000-7000-8000-000000000001@meridian>$/m);
    expect(eml).toContain('Tot morgen om 10:00.');
  });
});
