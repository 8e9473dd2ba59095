import type { TestUser } from '@meridian/testing';
import type { Page } from 'playwright-core';
import { addDays, todayIn } from '../src/lib/clinic-time';
import {
  captureScreen,
  escapeRegExp,
  eventually,
  exactly,
  suiteLanguages,
  registerClients,
  signInThroughPage,
  webSuite,
} from './support';
import { prepareChart, signedNote } from './support/chart';

jest.setTimeout(240_000);

const ZONE = 'Europe/Amsterdam';

/**
 * The note editors of psychology, nutrition and training as their practitioners use them:
 * each started from the chart, written, saved by itself, shown again after a reload and
 * signed; the nutrition coach warned at a food the client reintroduced before; the strength
 * coach shown last session's loads and starting from them; a note signed while incomplete
 * refused at its fields.
 */
describe.each(suiteLanguages('en'))(
  'Notes of psychology, nutrition and training (%s)',
  (language) => {
    const suite = webSuite(language);
    const { text } = suite;
    const today = todayIn(ZONE);
    let client: string;
    let sanne: TestUser;
    let noor: TestUser;
    let thijs: TestUser;
    let page: Page;
    let errors: string[];

    beforeAll(async () => {
      [, sanne, noor, thijs] = suite.clinic.practitioners;
      ({ 'Eva Visser': client } = await registerClients(suite, [['Eva', 'Visser', '1985-06-17']]));
      await prepareChart(suite, client, [
        { user: sanne, discipline: 'psychology' },
        { user: noor, discipline: 'nutrition' },
        { user: thijs, discipline: 'training' },
      ]);
      await signedNote(suite, noor, client, 'nutrition', addDays(today, -14), {
        phase: 'reintroduction',
        protocol: 'carnivore',
        challenges: [
          { food: 'Eggs', date: addDays(today, -16), reaction: 'Bloating', severity: 'moderate' },
        ],
      });
      await signedNote(suite, thijs, client, 'training', addDays(today, -7), {
        exercises: [{ name: 'Back squat', sets: 3, reps: 5, loadKg: 80, rpe: 8 }],
      });
      ({ page, errors } = await suite.open());
    });

    afterAll(() => expect(errors).toEqual([]));

    async function startNote(user: TestUser, discipline: string) {
      await page.context().clearCookies();
      await signInThroughPage(page, suite.stack, user, language, `/clients/${client}`);
      await page.getByRole('button', { name: text('notes:timeline.newNote') }).click();
      const dialog = page.getByRole('dialog', { name: text('notes:newNote.title') });
      const name = text('common:disciplines.' + discipline).toLocaleLowerCase();
      await dialog
        .getByRole('button', { name: text('notes:newNote.start', { discipline: name }) })
        .click();
      await page.waitForURL(/\/notes\//);
      return new URL(page.url()).pathname.split('/').pop()!;
    }

    async function noteOf(user: TestUser, id: string) {
      const response = await suite
        .api()
        .get(`/api/v1/session-notes/${id}`)
        .set(await suite.as(user));
      expect(response.status).toBe(200);
      return response.body;
    }

    async function sign(followUp?: { inDays: string; note: string }) {
      await page.getByRole('button', { name: exactly(text('notes:sign.action')) }).click();
      const dialog = page.getByRole('dialog', { name: text('notes:sign.title') });
      if (followUp) {
        await dialog.getByRole('checkbox', { name: text('notes:sign.followUp') }).check();
        await dialog
          .getByRole('textbox', { name: text('notes:sign.inDays') })
          .fill(followUp.inDays);
        await dialog
          .getByRole('textbox', { name: text('notes:sign.followUpNote') })
          .fill(followUp.note);
        expect(await captureScreen(page, `note-sign-follow-up-${language}`)).toEqual([]);
      }
      await dialog.getByRole('button', { name: exactly(text('notes:sign.confirm')) }).click();
    }

    const saved = () =>
      page.getByText(text('notes:save.savedAt', { time: '' }).trim(), { exact: false }).waitFor();

    it('psychology: refused at its fields while incomplete, signed in full', async () => {
      const id = await startNote(sanne, 'psychology');
      const subjective = page.getByRole('textbox', {
        name: text('notes:psychology.sections.subjective'),
      });
      await subjective.fill('Slaapt slecht sinds de verhuizing');
      await saved();
      await sign();
      // Objective, assessment, plan and the risk level are missing: shown at their fields.
      await page.getByText(text('notes:sign.incompleteTitle')).waitFor();
      await eventually(async () =>
        expect(
          await page
            .getByRole('textbox', { name: text('notes:psychology.sections.objective') })
            .getAttribute('aria-invalid'),
        ).toBe('true'),
      );
      expect((await noteOf(sanne, id)).status).toBe('draft');
      expect(await captureScreen(page, `note-psychology-${language}`)).toEqual([]);

      for (const section of ['objective', 'assessment', 'plan']) {
        await page
          .getByRole('textbox', { name: text(`notes:psychology.sections.${section}`) })
          .fill(`${section}: ok`);
      }
      await page.getByRole('radio', { name: text('notes:psychology.risk.low') }).check();
      await saved();
      await page.reload();
      await expect(subjective.inputValue()).resolves.toBe('Slaapt slecht sinds de verhuizing');
      await sign();
      await page.getByText(text('notes:status.signed'), { exact: true }).first().waitFor();
      const note = await noteOf(sanne, id);
      expect(note).toMatchObject({
        status: 'signed',
        content: { format: 'SOAP', riskLevel: 'low', sections: { plan: 'plan: ok' } },
      });
    });

    it('nutrition: a reintroduction table that warns at a food reintroduced before', async () => {
      const id = await startNote(noor, 'nutrition');
      await page
        .getByRole('combobox', { name: text('notes:nutrition.phase') })
        .selectOption('reintroduction');
      await page
        .getByRole('textbox', { name: text('notes:nutrition.weight') })
        .fill(language === 'nl' ? '72,4' : '72.4');
      await page.getByRole('button', { name: text('notes:nutrition.addChallenge') }).click();
      await page
        .getByRole('textbox', { name: text('notes:nutrition.foodOf', { n: 1 }) })
        .fill('eggs');
      const warning = escapeRegExp(
        text('notes:nutrition.alreadyChallenged', { date: 'DATE', severity: 'SEVERITY' }),
      )
        .replace('DATE', '.+')
        .replace('SEVERITY', '.+');
      await page.getByText(new RegExp(warning)).waitFor();
      await page
        .getByRole('textbox', { name: text('notes:nutrition.foodOf', { n: 1 }) })
        .fill('Yoghurt');
      await page
        .getByRole('textbox', { name: text('notes:nutrition.reactionOf', { n: 1 }) })
        .fill('Geen');
      await page
        .getByRole('combobox', { name: text('notes:nutrition.severityOf', { n: 1 }) })
        .selectOption('none');
      await page.getByRole('cell', { name: 'Eggs' }).waitFor();
      await saved();
      // The draft is the server's after a reload: the table row and the weight as typed.
      await page.reload();
      await expect(
        page.getByRole('textbox', { name: text('notes:nutrition.foodOf', { n: 1 }) }).inputValue(),
      ).resolves.toBe('Yoghurt');
      await expect(
        page.getByRole('textbox', { name: text('notes:nutrition.weight') }).inputValue(),
      ).resolves.toBe(language === 'nl' ? '72,4 kg' : '72.4 kg');
      await page.getByRole('cell', { name: 'Eggs' }).waitFor();
      expect(await captureScreen(page, `note-nutrition-${language}`)).toEqual([]);
      await sign();
      await page.getByText(text('notes:status.signed'), { exact: true }).first().waitFor();
      expect((await noteOf(noor, id)).content).toEqual({
        phase: 'reintroduction',
        weightKg: 72.4,
        challenges: [{ food: 'Yoghurt', date: today, reaction: 'Geen', severity: 'none' }],
      });
    });

    it('training: last session’s loads beside each exercise, started from last session', async () => {
      const id = await startNote(thijs, 'training');
      const copyLast = text('notes:training.copyLast_one', { count: 1, date: '' })
        .split('(')[0]
        .trim();
      await page.getByRole('button', { name: new RegExp(`^${copyLast}`) }).click();
      await page.getByText(/80 kg/).first().waitFor();
      await page
        .getByRole('textbox', { name: text('notes:training.loadOf', { n: 1 }) })
        .fill(language === 'nl' ? '82,5' : '82.5');
      await saved();
      await page.reload();
      await expect(
        page.getByRole('textbox', { name: text('notes:training.loadOf', { n: 1 }) }).inputValue(),
      ).resolves.toBe(language === 'nl' ? '82,5' : '82.5');
      await page.getByText(/80 kg/).first().waitFor();
      expect(await captureScreen(page, `note-training-${language}`)).toEqual([]);
      await sign({ inDays: '14', note: 'Squat 85 kg proberen' });
      await page.getByText(text('notes:status.signed'), { exact: true }).first().waitFor();
      expect((await noteOf(thijs, id)).content.exercises).toEqual([
        { name: 'Back squat', sets: 3, reps: 5, loadKg: 82.5, rpe: 8 },
      ]);
      // The follow-up asked for at signing: Thijs's, due in 14 days.
      const tasks = await suite
        .api()
        .get(`/api/v1/follow-ups?clientId=${client}`)
        .set(await suite.as(thijs));
      expect(tasks.body.data).toEqual([
        expect.objectContaining({
          type: 'call',
          note: 'Squat 85 kg proberen',
          assignee: expect.objectContaining({ userId: thijs.id }),
        }),
      ]);
      const dueDay = new Date(tasks.body.data[0].dueAt).toLocaleDateString('sv-SE', {
        timeZone: ZONE,
      });
      expect(dueDay).toBe(addDays(today, 14));
    });

    it('typing the API has not confirmed is kept in the tab, and gone when she signs out', async () => {
      const id = await startNote(sanne, 'psychology');
      // Saves fail as on a lost connection; the rest of the API answers.
      await page.route(`**/api/v1/session-notes/${id}`, (route) =>
        route.request().method() === 'PATCH'
          ? route.abort('internetdisconnected')
          : route.continue(),
      );
      await page
        .getByRole('textbox', { name: text('notes:psychology.sections.subjective') })
        .fill('Niet voor de volgende gebruiker');
      await page.getByText(text('notes:save.offline')).first().waitFor();
      const pendingKeys = () =>
        page.evaluate(() =>
          Object.keys(sessionStorage).filter((key) => key.startsWith('meridian:pending-note:')),
        );
      expect(await pendingKeys()).toEqual([`meridian:pending-note:${id}`]);

      const menu = new RegExp(
        escapeRegExp(text('shell.userMenu', { name: 'NAME' })).replace('NAME', '.+'),
      );
      await page.getByRole('button', { name: menu }).click();
      await page.getByRole('menuitem', { name: text('shell.signOut') }).click();
      await page.getByRole('heading', { name: text('session:signIn.title') }).waitFor();
      expect(await pendingKeys()).toEqual([]);
      await page.unroute(`**/api/v1/session-notes/${id}`);
      expect((await noteOf(sanne, id)).content.sections?.subjective).toBeUndefined();
    });
  },
);
