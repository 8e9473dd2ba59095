import { AppConfig, ConfigValidationError, validateConfig } from './app-config';

describe(validateConfig.name, () => {
  const test = { NODE_ENV: 'test' };

  it('works on a developer machine with nothing set', () => {
    const config = validateConfig(test);
    expect(config).toBeInstanceOf(AppConfig);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/meridian');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
    expect(config.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(config.DATA_ENCRYPTION_KEYS).toMatch(/^[\w-]+:[A-Za-z0-9+/]{43}=$/);
  });

  it('connects the application as the unprivileged role unless told otherwise', () => {
    const config = validateConfig({
      ...test,
      DATABASE_URL: 'postgres://owner:pw@db:5432/meridian',
    });
    expect(config.databaseAppUrl).toBe('postgres://meridian_app@db:5432/meridian');
    expect(config.databaseName).toBe('meridian');
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be an integer number \(got "abc"\)$/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL must be a postgres:\/\/ URL/],
    [{ REDIS_URL: 'localhost:6379' }, /^REDIS_URL must be a redis:\/\//],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of/],
    [{ ACCESS_TOKEN_TTL_SECONDS: '4' }, /^ACCESS_TOKEN_TTL_SECONDS must not be less than 5/],
    [{ ACCESS_TOKEN_TTL_SECONDS: '15m' }, /^ACCESS_TOKEN_TTL_SECONDS must be an integer/],
  ])('names the variable in one line when %j is wrong', (env, message) => {
    expect(() => validateConfig({ ...test, ...env })).toThrow(ConfigValidationError);
    expect(() => validateConfig({ ...test, ...env })).toThrow(message);
  });

  it('never echoes a secret in its error', () => {
    expect(() => validateConfig({ ...test, JWT_SECRET: 'short-secret' })).toThrow(
      /^JWT_SECRET must be longer than or equal to 32 characters$/,
    );
  });

  it('requires real secrets and the application URL in production', () => {
    expect(() => validateConfig({ NODE_ENV: 'production' })).toThrow(
      'JWT_SECRET is required in production',
    );
    const production = validateConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
      DATABASE_APP_URL: 'postgres://meridian_app:pw@db/meridian',
      SMTP_URL: 'smtps://mailer:pw@smtp.example.nl:465',
    });
    expect(production.isProduction).toBe(true);
    // No mail server in production would mean reminders silently written to disk.
    expect(() =>
      validateConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(40),
        DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
        DATABASE_APP_URL: 'postgres://meridian_app:pw@db/meridian',
      }),
    ).toThrow('SMTP_URL is required in production');
  });

  it('treats an empty value as unset', () => {
    expect(validateConfig({ ...test, PORT: '' }).PORT).toBe(3000);
  });
});
