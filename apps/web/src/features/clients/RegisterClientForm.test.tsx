import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { RegisterClientForm } from './RegisterClientForm';
import { answer, renderInClinic } from './test-utils';

vi.mock('../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/client')>()),
  api: { GET: vi.fn(), POST: vi.fn(), PATCH: vi.fn(), PUT: vi.fn() },
}));
const post = vi.mocked(api.POST);

const CLIENT = {
  view: 'contact',
  id: '01900000-0000-7000-8000-00000000aaaa',
  clientNumber: 'C-000042',
  firstName: 'Sanne',
  lastName: 'de Vries',
  dateOfBirth: '1984-03-02',
  status: 'active',
  version: 1,
  consents: [],
};

/** Types by pasting: one input event instead of one per key (a form re-renders on each). */
async function typeInto(
  user: ReturnType<typeof userEvent.setup>,
  input: HTMLElement,
  text: string,
) {
  await user.click(input);
  await user.paste(text);
}

/** The option `method` of a consent type's choice. */
function consentChoice(type: string, method: string): HTMLElement {
  return within(screen.getByRole('radiogroup', { name: type })).getByText(method);
}

async function fillRequired(user: ReturnType<typeof userEvent.setup>, dateOfBirth = '2-3-1984') {
  await typeInto(user, screen.getByLabelText(/^(Voornaam|First name)/), ' Sanne ');
  await typeInto(user, screen.getByLabelText(/^(Achternaam|Last name)/), 'de Vries');
  await typeInto(user, screen.getByPlaceholderText(/^dd-mm-/), dateOfBirth);
}

// A whole form rendered in jsdom takes a few seconds.
describe('RegisterClientForm', { timeout: 20_000 }, () => {
  beforeEach(() => post.mockReset());

  it('names what is missing or wrong in Dutch, at the fields, without calling the API', async () => {
    const user = userEvent.setup();
    await renderInClinic(<RegisterClientForm onRegistered={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Cliënt registreren' }));
    expect(await screen.findByText('Vul de voornaam in.')).toBeInTheDocument();
    expect(screen.getByText('Vul de achternaam in.')).toBeInTheDocument();
    expect(screen.getByText('Vul de geboortedatum in (dd-mm-jjjj).')).toBeInTheDocument();

    await typeInto(user, screen.getByPlaceholderText(/^dd-mm-/), '31-02-1990');
    await typeInto(user, screen.getByLabelText('E-mailadres'), 'sanne-at-example');
    await typeInto(user, screen.getByLabelText('Telefoonnummer'), 'bel me');
    await user.click(screen.getByRole('button', { name: 'Cliënt registreren' }));
    expect(await screen.findByText(/Dit is geen geldige datum/)).toBeInTheDocument();
    expect(screen.getByText(/Vul een geldig e-mailadres in/)).toBeInTheDocument();
    expect(screen.getByText(/Vul een telefoonnummer in/)).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
  });

  it('speaks English to an English user and refuses a date of birth after today', async () => {
    const user = userEvent.setup();
    await renderInClinic(<RegisterClientForm onRegistered={vi.fn()} />, 'en');
    await fillRequired(user, '01-01-2999');
    await user.click(screen.getByRole('button', { name: 'Register client' }));
    expect(
      await screen.findByText('The date of birth lies between 01-01-1900 and today.'),
    ).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
  });

  it('registers what was typed, trimmed, with the date of birth as YYYY-MM-DD', async () => {
    const user = userEvent.setup();
    const onRegistered = vi.fn();
    post.mockResolvedValue(answer(201, CLIENT) as never);
    await renderInClinic(<RegisterClientForm onRegistered={onRegistered} />);
    await fillRequired(user);
    await typeInto(user, screen.getByLabelText('Telefoonnummer'), '06-12345678');
    await user.click(consentChoice('Herinneringen per e-mail', 'Digitaal'));
    await user.click(consentChoice('Behandeling', 'Op papier'));
    await user.click(screen.getByRole('button', { name: 'Cliënt registreren' }));
    await waitFor(() => expect(onRegistered).toHaveBeenCalledWith(CLIENT));
    const [path, options] = post.mock.calls[0] as unknown as [
      string,
      { body: Record<string, unknown>; params: { header: Record<string, string> } },
    ];
    expect(path).toBe('/api/v1/clients');
    expect(options.body).toMatchObject({
      firstName: 'Sanne',
      lastName: 'de Vries',
      dateOfBirth: '1984-03-02',
      phone: '06-12345678',
      // In the order of the consent types, whatever order they were chosen in.
      consents: [
        { type: 'treatment', method: 'paper' },
        { type: 'email-reminders', method: 'digital' },
      ],
    });
    expect(options.body).not.toHaveProperty('email');
    expect(options.params.header['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows the API’s field errors at their fields and keeps everything typed', async () => {
    const user = userEvent.setup();
    post.mockResolvedValue(
      answer(400, {
        title: 'Bad Request',
        status: 400,
        code: 'REQUEST.VALIDATION_FAILED',
        errors: [{ field: 'phone', message: 'phone must be a phone number' }],
      }) as never,
    );
    const onRegistered = vi.fn();
    await renderInClinic(<RegisterClientForm onRegistered={onRegistered} />);
    await fillRequired(user);
    const phone = screen.getByLabelText('Telefoonnummer');
    await typeInto(user, phone, '+99 1234567');
    await user.click(screen.getByRole('button', { name: 'Cliënt registreren' }));
    const field = phone.closest('.mantine-InputWrapper-root') as HTMLElement;
    expect(await within(field).findByText(/Vul een telefoonnummer in/)).toBeInTheDocument();
    expect(phone).toHaveValue('+99 1234567');
    expect(screen.getByLabelText(/^(Voornaam|First name)/)).toHaveValue(' Sanne ');
    expect(onRegistered).not.toHaveBeenCalled();
  });

  it('shows a refused consent at its own row: the API counts only the consents sent', async () => {
    const user = userEvent.setup();
    post.mockResolvedValue(
      answer(400, {
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'consents[1].type', message: 'is given twice' }],
      }) as never,
    );
    await renderInClinic(<RegisterClientForm onRegistered={vi.fn()} />);
    await fillRequired(user);
    await user.click(consentChoice('Behandeling', 'Mondeling'));
    await user.click(consentChoice('Herinneringen per sms', 'Op papier'));
    await user.click(screen.getByRole('button', { name: 'Cliënt registreren' }));
    const row = screen.getByRole('radiogroup', { name: 'Herinneringen per sms' }).parentElement!
      .parentElement as HTMLElement;
    expect(await within(row).findByText('is given twice')).toBeInTheDocument();
    expect(within(row).getByLabelText('Op papier')).toBeChecked();
  });
});
