import type { TestUser } from '@meridian/testing';
import type { Locator, Page } from 'playwright-core';
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
  type TestPage,
} from './support';

jest.setTimeout(240_000);

const ZONE = 'Europe/Amsterdam';

interface Plan {
  id: string;
  status: string;
  version: number;
  title: string;
  leadPractitionerId: string;
  disciplines: string[];
  phases: {
    id: string;
    kind: string;
    dietProtocol: string | null;
    startsOn: string;
    endsOn: string;
    exitCriteria: string | null;
  }[];
  goals: {
    description: string;
    instrument: string;
    baseline: number | null;
    target: number;
    direction: string;
  }[];
  interventions: {
    discipline: string;
    description: string;
    practitionerId: string | null;
    frequency: { sessions: number; perWeeks: number };
  }[];
  activatedAt: string | null;
  cancelReason: string | null;
}

/**
 * A nutrition coach's treatment plan, in the browser against the real API: drawn up with a
 * carnivore elimination phase, a reintroduction phase, a PHQ-9 goal and an intervention;
 * refused activation explained (no treatment consent) and, once the consent is recorded,
 * activated; edited while a colleague changes it too (412: their change named, the coach's
 * kept); an earlier version read; cancelled with a reason; another plan completed; and the
 * client's plans listed active first. What the user sees and what the API holds, both.
 */
describe.each(suiteLanguages('en'))('Treatment plans (%s)', (language) => {
  const suite = webSuite(language);
  const { text } = suite;
  const today = todayIn(ZONE);
  const nl = language === 'nl';
  const client = 'Anna Smit';
  let clientId: string;
  let planId: string;
  let noor: TestUser;
  let sanne: TestUser;

  // Today is day 12 of the 42-day elimination phase, on the clinic's calendar.
  const elimination = { startsOn: addDays(today, -11), endsOn: addDays(today, 30) };
  const title = nl
    ? 'Darm en stemming: carnivoor, daarna herintroductie'
    : 'Gut and mood: carnivore, then reintroduction';

  const plans = (key: string, values?: Record<string, string | number>) =>
    text(`plans:${key}`, values);
  /** A form field by its label's exact words (a required field's label ends in "*"). */
  const field = (scope: Locator | Page, key: string) =>
    scope.getByLabel(new RegExp(`^\\s*${escapeRegExp(plans(key))}(\\s*\\*)?\\s*$`));
  const button = (scope: Locator | Page, key: string) =>
    scope.getByRole('button', { name: exactly(plans(key)) });
  const group = (page: Page, key: string, number: number) =>
    page.getByRole('group', { name: plans(key, { number }) });
  const phaseName = (kind: string, protocol: string) =>
    plans('phase.withProtocol', {
      kind: plans(`phase.kind.${kind}`),
      protocol: plans(`phase.protocol.${protocol}`),
    });
  const dayTwelve = plans('now.in', {
    phase: phaseName('elimination', 'carnivore'),
    day: 12,
    days: 42,
  });

  async function getPlan(id: string, version?: number): Promise<Plan> {
    const response = await suite
      .api()
      .get(`/api/v1/treatment-plans/${id}${version ? `?version=${version}` : ''}`)
      .set(await suite.as(noor));
    expect(response.status).toBe(200);
    return response.body;
  }

  async function openAsNoor(path: string): Promise<TestPage> {
    const opened = await suite.open();
    await signInThroughPage(opened.page, suite.stack, noor, language, path);
    return opened;
  }

  /** A plan drafted (and activated, when asked) through the API, as a colleague's client would. */
  async function planThroughApi(name: string, activate: boolean): Promise<string> {
    const created = await suite
      .api()
      .post(`/api/v1/clients/${clientId}/treatment-plans`)
      .set(await suite.as(noor))
      .send({
        title: name,
        disciplines: ['nutrition'],
        phases: [{ kind: 'maintenance', dietProtocol: 'ketogenic', ...elimination }],
      });
    expect(created.status).toBe(201);
    if (activate) {
      const activated = await suite
        .api()
        .post(`/api/v1/treatment-plans/${created.body.id}/activate`)
        .set(await suite.as(noor));
      expect(activated.status).toBe(200);
    }
    return created.body.id;
  }

  beforeAll(async () => {
    noor = suite.clinic.practitioners[2];
    sanne = suite.clinic.practitioners[1];
    ({ [client]: clientId } = await registerClients(suite, [['Anna', 'Smit', '1984-02-17']]));
    // Noor (nutrition) and Sanne (psychology) treat Anna: the plan is theirs to write.
    const team = await suite
      .api()
      .put(`/api/v1/clients/${clientId}/care-team`)
      .set(await suite.as(suite.clinic.admin))
      .send({
        members: [
          { userId: noor.id, discipline: 'nutrition' },
          { userId: sanne.id, discipline: 'psychology' },
        ],
      });
    expect(team.status).toBe(200);
  });

  it('draws up a plan with two phases, a PHQ-9 goal and an intervention', async () => {
    const { page, context, errors } = await openAsNoor(`/clients/${clientId}?tab=plans`);
    await page.getByText(plans('list.emptyTitle', { name: client })).waitFor();
    expect(await captureScreen(page, `plans-tab-empty-${language}`)).toEqual([]);

    await page.getByRole('link', { name: exactly(plans('list.new')) }).click();
    await page.getByRole('heading', { level: 1, name: plans('new.title') }).waitFor();
    const form = page.getByRole('form', { name: plans('new.title') });
    await field(form, 'form.plan.name').fill(title);
    // Led by the author unless she says otherwise, in her own discipline.
    expect(await field(form, 'form.plan.lead').inputValue()).toBe(noor.id);
    expect(
      await form.getByRole('checkbox', { name: text('disciplines.nutrition') }).isChecked(),
    ).toBe(true);
    await form.getByRole('checkbox', { name: text('disciplines.psychology') }).check();

    // Leaving with something typed asks first; keeping on is the way back to the form.
    await page.getByRole('link', { name: plans('backToClient', { name: client }) }).click();
    const leave = page.getByRole('dialog', { name: text('ui:discard.title') });
    await leave.waitFor();
    expect(await captureScreen(page, `plans-new-leave-${language}`)).toEqual([]);
    await leave.getByRole('button', { name: text('ui:discard.keep') }).click();
    await leave.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(`/clients/${clientId}/plans/new`);

    await button(form, 'form.phases.add').click();
    const first = group(page, 'form.phases.name', 1);
    await field(first, 'form.phases.protocol').selectOption({
      label: plans('form.protocolOption.carnivore'),
    });
    await field(first, 'form.phases.startsOn').fill(elimination.startsOn);
    await field(first, 'form.phases.endsOn').fill(elimination.endsOn);
    await field(first, 'form.phases.exitCriteria').fill(
      nl ? 'Twee weken zonder buikpijn' : 'Two weeks without abdominal pain',
    );
    // The next phase is proposed: reintroduction on the same diet, from the day after.
    await button(form, 'form.phases.add').click();
    const second = group(page, 'form.phases.name', 2);
    expect(await field(second, 'form.phases.kind').inputValue()).toBe('reintroduction');
    expect(await field(second, 'form.phases.protocol').inputValue()).toBe('carnivore');
    expect(await field(second, 'form.phases.startsOn').inputValue()).toBe(
      addDays(elimination.endsOn, 1),
    );
    // A start inside the phase before is refused at the field, before anything is sent.
    await field(second, 'form.phases.startsOn').fill(elimination.endsOn);

    await button(form, 'form.goals.add').click();
    const goal = group(page, 'form.goals.name', 1);
    await field(goal, 'form.goals.description').fill(
      nl ? 'Minder depressieve klachten, naar mild' : 'Depressive symptoms down to mild',
    );
    await field(goal, 'form.goals.instrument').selectOption('PHQ-9');
    await field(goal, 'form.goals.baseline').fill('14');
    await field(goal, 'form.goals.target').fill('4');
    // PHQ-9 scores lower-is-better: the direction is the questionnaire's.
    await goal.getByText(plans('direction.lower-is-better'), { exact: true }).waitFor();
    expect(await field(goal, 'form.goals.direction').count()).toBe(0);

    await button(form, 'form.interventions.add').click();
    const intervention = group(page, 'form.interventions.name', 1);
    await field(intervention, 'form.interventions.discipline').selectOption({
      label: text('disciplines.nutrition'),
    });
    await field(intervention, 'form.interventions.description').fill(
      nl ? 'Begeleiding bij het eliminatiedieet' : 'Coaching through the elimination diet',
    );
    await field(intervention, 'form.interventions.practitioner').selectOption({
      label: 'Noor Bakker',
    });
    await field(intervention, 'form.interventions.perWeeks').fill('2');

    await button(form, 'new.submit').click();
    await second
      .getByText(plans('form.errors.overlap', { date: formatDate(elimination.endsOn, language) }))
      .waitFor();
    expect(new URL(page.url()).pathname).toBe(`/clients/${clientId}/plans/new`);
    await field(second, 'form.phases.startsOn').fill(addDays(elimination.endsOn, 1));
    expect(await captureScreen(page, `plans-new-${language}`)).toEqual([]);
    // The interventions in view, clear of the app's header.
    await intervention.evaluate((element) => {
      element.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -80);
    });
    expect(await captureScreen(page, `plans-new-interventions-${language}`)).toEqual([]);

    await button(form, 'new.submit').click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    planId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByText(plans('created', { title })).waitFor();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText(plans('status.draft'), { exact: true }).first().waitFor();
    await page
      .getByRole('region', { name: plans('view.phases') })
      .getByText(`1. ${phaseName('elimination', 'carnivore')}`, { exact: true })
      .first()
      .waitFor();
    expect(await captureScreen(page, `plans-draft-${language}`)).toEqual([]);

    const saved = await getPlan(planId);
    expect(saved).toMatchObject({
      status: 'draft',
      version: 1,
      title,
      leadPractitionerId: noor.id,
      disciplines: ['nutrition', 'psychology'],
    });
    expect(saved.phases).toEqual([
      expect.objectContaining({ kind: 'elimination', dietProtocol: 'carnivore', ...elimination }),
      expect.objectContaining({
        kind: 'reintroduction',
        dietProtocol: 'carnivore',
        startsOn: addDays(elimination.endsOn, 1),
        endsOn: addDays(elimination.endsOn, 28),
        exitCriteria: null,
      }),
    ]);
    expect(saved.goals).toEqual([
      expect.objectContaining({
        instrument: 'PHQ-9',
        baseline: 14,
        target: 4,
        direction: 'lower-is-better',
      }),
    ]);
    expect(saved.interventions).toEqual([
      expect.objectContaining({
        discipline: 'nutrition',
        practitionerId: noor.id,
        frequency: { sessions: 1, perWeeks: 2 },
      }),
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('explains a refused activation (no treatment consent) and activates once it is recorded', async () => {
    const { page, context, errors } = await openAsNoor(`/plans/${planId}`);
    await button(page, 'actions.activate').click();
    const explained = page.getByRole('alert').filter({ hasText: plans('consent.title') });
    await explained.waitFor();
    await explained.getByText(plans('consent.body', { name: client })).waitFor();
    const toConsents = explained.getByRole('link', {
      name: plans('consent.link', { name: client }),
    });
    expect(await toConsents.getAttribute('href')).toBe(`/clients/${clientId}?tab=consents`);
    expect(await captureScreen(page, `plans-consent-needed-${language}`)).toEqual([]);
    expect((await getPlan(planId)).status).toBe('draft');

    // Reception records the client's consent to treatment.
    const consent = await suite
      .api()
      .post(`/api/v1/clients/${clientId}/consents`)
      .set(await suite.as(suite.clinic.reception))
      .send({ type: 'treatment', method: 'paper' });
    expect(consent.status).toBe(201);

    await button(page, 'actions.activate').click();
    await page.getByText(plans('done.activate', { title })).waitFor();
    await explained.waitFor({ state: 'hidden' });
    await page.getByText(plans('status.active'), { exact: true }).first().waitFor();
    await page
      .getByText(plans('history.status.active', { name: 'Noor Bakker' }), { exact: true })
      .waitFor();
    // Where the client stands today, on the clinic's calendar.
    await page
      .getByRole('region', { name: plans('view.phases') })
      .getByText(dayTwelve, { exact: true })
      .waitFor();
    // An active plan is completed, not activated again.
    expect(await button(page, 'actions.activate').count()).toBe(0);
    await button(page, 'actions.complete').waitFor();
    // A PHQ-9 of 8 today: 60% of the way from the baseline 14 to the target 4.
    const measured = await suite
      .api()
      .post(`/api/v1/clients/${clientId}/measurements`)
      .set(await suite.as(noor))
      .send({
        instrument: 'PHQ-9',
        answers: [1, 1, 1, 1, 1, 1, 1, 1, 0],
        takenOn: today,
        treatmentPlanId: planId,
      });
    expect(measured.status).toBe(201);
    await page.reload();
    const goal = nl ? 'Minder depressieve klachten, naar mild' : 'Depressive symptoms down to mild';
    await page
      .getByRole('progressbar', { name: plans('view.progressLabel', { goal, percent: 60 }) })
      .waitFor();
    await page.getByText(plans('view.meaningful'), { exact: true }).waitFor();
    expect(await captureScreen(page, `plans-active-${language}`)).toEqual([]);
    const active = await getPlan(planId);
    expect(active.status).toBe('active');
    expect(active.activatedAt).not.toBeNull();

    // The client's plans: the active one with where Anna stands today.
    await page.getByRole('link', { name: plans('backToClient', { name: client }) }).click();
    const row = page.getByRole('listitem').filter({ hasText: title });
    await row.getByText(dayTwelve, { exact: true }).waitFor();
    await row.getByText(plans('status.active'), { exact: true }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('edits the plan while a colleague changes it too, and shows both in the history', async () => {
    const { page, context, errors } = await openAsNoor(`/plans/${planId}`);
    await button(page, 'actions.edit').click();
    const form = page.getByRole('form', { name: plans('edit.title') });
    const second = group(page, 'form.phases.name', 2);
    const longer = addDays(elimination.endsOn, 35);
    await field(second, 'form.phases.endsOn').fill(longer);
    expect(await captureScreen(page, `plans-edit-${language}`)).toEqual([]);

    // Meanwhile Sanne renames the plan, through the API.
    const before = await getPlan(planId);
    const renamed = nl ? 'Darm, stemming en slaap' : 'Gut, mood and sleep';
    const theirs = await suite
      .api()
      .patch(`/api/v1/treatment-plans/${planId}`)
      .set(await suite.as(sanne))
      .set('If-Match', `"${before.version}"`)
      .send({ title: renamed });
    expect(theirs.status).toBe(200);

    // Noor's save meets Sanne's (412): what Sanne changed is named, Noor's change is kept.
    await button(form, 'edit.submit').click();
    const conflict = page.getByRole('alert').filter({ hasText: plans('conflict.title') });
    await conflict.waitFor();
    await conflict.getByText(/Sanne de Vries/).waitFor();
    await conflict.getByText(new RegExp(escapeRegExp(plans('field.title')))).waitFor();
    expect(await field(form, 'form.plan.name').inputValue()).toBe(renamed);
    expect(await field(second, 'form.phases.endsOn').inputValue()).toBe(longer);
    expect(await captureScreen(page, `plans-edit-conflict-${language}`)).toEqual([]);
    await button(form, 'edit.submit').click();
    await page.getByText(plans('saved')).waitFor();
    await page.getByRole('heading', { level: 1, name: renamed }).waitFor();

    const edited = await getPlan(planId);
    expect(edited).toMatchObject({ title: renamed, version: before.version + 2 });
    expect(edited.phases[1].endsOn).toBe(longer);
    // The phases kept their identity: the same ids, one of them changed.
    expect(edited.phases.map((phase) => phase.id)).toEqual(before.phases.map((phase) => phase.id));

    // Who changed what, newest first.
    const history = page.getByRole('region', { name: plans('history.title') });
    await history
      .getByText(plans('history.changed', { name: 'Noor Bakker', fields: plans('field.phases') }), {
        exact: true,
      })
      .waitFor();
    await history
      .getByText(
        plans('history.listDetail', {
          field: plans('fieldLabel.phases'),
          parts: plans('history.changedItems_one', { count: 1 }),
        }),
      )
      .waitFor();
    await history
      .getByText(
        plans('history.changed', { name: 'Sanne de Vries', fields: plans('field.title') }),
        {
          exact: true,
        },
      )
      .waitFor();
    await history.getByText(plans('history.created', { name: 'Noor Bakker' })).waitFor();

    // The first version, read-only, as it was.
    await history.getByRole('link', { name: plans('history.openVersion', { version: 1 }) }).click();
    await page.waitForURL(/version=1/);
    await page.getByText(plans('old.title', { version: 1, latest: edited.version })).waitFor();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await button(page, 'actions.edit').count()).toBe(0);
    expect(await captureScreen(page, `plans-version-${language}`)).toEqual([]);
    expect((await getPlan(planId, 1)).title).toBe(title);
    await page.getByRole('link', { name: plans('old.toCurrent') }).click();
    await page.getByRole('heading', { level: 1, name: renamed }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('cancels the plan with a reason', async () => {
    const { page, context, errors } = await openAsNoor(`/plans/${planId}`);
    await button(page, 'actions.cancel').click();
    const dialog = page.getByRole('dialog', { name: plans('cancel.title') });
    await dialog.waitFor();
    // The reason is required: nothing is sent without it.
    await button(dialog, 'cancel.confirm').click();
    await dialog.getByText(plans('cancel.reasonRequired')).waitFor();
    const reason = nl ? 'Cliënt verhuist naar het buitenland' : 'The client moves abroad';
    await field(dialog, 'cancel.reason').fill(reason);
    expect(await captureScreen(page, `plans-cancel-${language}`)).toEqual([]);
    await button(dialog, 'cancel.confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(plans('status.cancelled'), { exact: true }).first().waitFor();
    await page.getByText(plans('view.cancelReason', { reason })).first().waitFor();
    await page
      .getByRole('region', { name: plans('history.title') })
      .getByText(plans('history.status.cancelled', { name: 'Noor Bakker' }))
      .waitFor();
    // A cancelled plan offers nothing more to do.
    expect(await button(page, 'actions.edit').count()).toBe(0);
    expect(await captureScreen(page, `plans-cancelled-${language}`)).toEqual([]);
    expect(await getPlan(planId)).toMatchObject({ status: 'cancelled', cancelReason: reason });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('completes an active plan, and lists the client’s plans active first, then drafts, then ended', async () => {
    const finished = nl ? 'Onderhoud ketogeen' : 'Ketogenic maintenance';
    const finishedId = await planThroughApi(finished, true);
    const { page, context, errors } = await openAsNoor(`/plans/${finishedId}`);
    await button(page, 'actions.complete').click();
    const dialog = page.getByRole('dialog', { name: plans('complete.title') });
    await dialog.waitFor();
    expect(await captureScreen(page, `plans-complete-${language}`)).toEqual([]);
    await button(dialog, 'complete.confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(plans('status.completed'), { exact: true }).first().waitFor();
    expect((await getPlan(finishedId)).status).toBe('completed');

    const running = nl ? 'Lopend plan' : 'Running plan';
    const draft = nl ? 'Plan in de maak' : 'Plan in the making';
    await planThroughApi(running, true);
    await planThroughApi(draft, false);
    await page.goto(`${suite.stack.url}/clients/${clientId}?tab=plans`);
    const list = page.getByRole('tabpanel').getByRole('list').first();
    await eventually(async () => {
      const rows = await list.locator(':scope > li').allTextContents();
      expect(rows).toHaveLength(4);
      expect(rows[0]).toContain(running);
      expect(rows[1]).toContain(draft);
      expect(rows[1]).toContain(plans('list.notActive'));
      expect(rows.slice(2).join()).toContain(finished);
      expect(rows.slice(2).join()).toContain(
        nl ? 'Darm, stemming en slaap' : 'Gut, mood and sleep',
      );
    });
    expect(await captureScreen(page, `plans-tab-${language}`)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** A calendar date as the app writes it in `language`. */
function formatDate(date: string, language: 'nl' | 'en'): string {
  const [year, month, day] = date.split('-');
  return language === 'nl' ? `${day}-${month}-${year}` : `${day}/${month}/${year}`;
}
