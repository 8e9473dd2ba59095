import { validate } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { IsAcceptablePassword } from './is-acceptable-password.decorator';
import { commonPasswordList, passwordProblem } from './password-policy';

const TOO_SHORT = 'must be at least 12 characters';
const TOO_LONG = 'must be at most 128 characters';
const COMMON = 'is one of the most common passwords; choose another';
const WEAK = 'is too easy to guess; use a longer phrase of unrelated words';

describe(passwordProblem.name, () => {
  it.each([
    ['password1234', COMMON],
    ['PassWord1234', COMMON],
    ['qwerty123456', COMMON],
    ['123456789012', COMMON],
    ['aaaaaaaaaaaa', WEAK],
    ['qwertyuiopasdf', WEAK],
  ])('rejects %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it('accepts a passphrase of unrelated words and a random string', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem(randomBytes(12).toString('base64url'))).toBeNull();
  });

  it('counts length in code points, 12 to 128', () => {
    expect(passwordProblem('Xk9-p2Lq_v7')).toBe(TOO_SHORT);
    expect(passwordProblem('🌷🌷🌷🌷🌷🌷')).toBe(TOO_SHORT);
    expect(passwordProblem('x'.repeat(129))).toBe(TOO_LONG);
    expect(passwordProblem('Ünïcödé fjord 東京 tulip')).toBeNull();
    expect(passwordProblem(`${randomBytes(48).toString('base64url')}`.padEnd(128, 'q'))).toBeNull();
  });

  it('turns away a huge input on its length alone', () => {
    expect(passwordProblem('x'.repeat(100_000))).toBe(TOO_LONG);
  });

  it('rejects the user’s own details', () => {
    const inputs = ['eva.jansen@example.nl', 'Eva Jansen'];
    expect(passwordProblem('eva.jansen@example.nl', inputs)).toBe(WEAK);
    expect(passwordProblem('eva.jansen@example.nl')).toBeNull();
    expect(passwordProblem('evajansen2024', inputs)).toBe(WEAK);
    expect(passwordProblem('EvaJansen!2024', inputs)).toBe(WEAK);
  });

  it('ships a breached-password list of useful size', () => {
    expect(commonPasswordList().size).toBeGreaterThanOrEqual(10_000);
  });
});

describe(IsAcceptablePassword.name, () => {
  class SetPasswordDto {
    email = 'eva.jansen@example.nl';

    @IsAcceptablePassword()
    password!: string;
  }

  class SignUpDto {
    email = 'eva.jansen@example.nl';

    @IsAcceptablePassword({ userInputFields: ['email'] })
    password!: string;
  }

  const errorsOf = async <T extends object>(dto: T) =>
    (await validate(dto)).map((error) => ({
      property: error.property,
      constraints: error.constraints,
    }));

  it('reports the problem as a field error', async () => {
    const dto = Object.assign(new SetPasswordDto(), { password: 'qwerty123456' });
    await expect(errorsOf(dto)).resolves.toEqual([
      { property: 'password', constraints: { isAcceptablePassword: `password ${COMMON}` } },
    ]);

    dto.password = 'short';
    await expect(errorsOf(dto)).resolves.toEqual([
      { property: 'password', constraints: { isAcceptablePassword: `password ${TOO_SHORT}` } },
    ]);
  });

  it('passes an acceptable password and refuses a non-string', async () => {
    const ok = Object.assign(new SetPasswordDto(), { password: 'correct horse battery staple' });
    await expect(errorsOf(ok)).resolves.toEqual([]);

    const notString = Object.assign(new SetPasswordDto(), { password: 123456789012 });
    await expect(errorsOf(notString)).resolves.toEqual([
      {
        property: 'password',
        constraints: { isAcceptablePassword: 'password must be a string' },
      },
    ]);
  });

  it('checks the password against the named sibling fields', async () => {
    const dto = Object.assign(new SignUpDto(), { password: 'eva.jansen@example.nl' });
    await expect(errorsOf(dto)).resolves.toEqual([
      { property: 'password', constraints: { isAcceptablePassword: `password ${WEAK}` } },
    ]);
  });
});
