import { SnakeNamingStrategy } from './snake-naming.strategy';

describe(SnakeNamingStrategy.name, () => {
  const naming = new SnakeNamingStrategy();

  it('names tables after the entity class without its suffix', () => {
    expect(naming.tableName('FollowUpTaskEntity', undefined)).toBe('follow_up_task');
    expect(naming.tableName('ClinicEntity', 'clinics')).toBe('clinics');
  });

  it('turns camelCase properties into snake_case columns', () => {
    expect(naming.columnName('reminderLeadMinutes', undefined, [])).toBe('reminder_lead_minutes');
    expect(naming.columnName('street', undefined, ['homeAddress'])).toBe('home_address_street');
  });
});
