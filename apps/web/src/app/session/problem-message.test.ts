import { describe, expect, it } from 'vitest';
import { ApiProblem, NETWORK_FAILURE } from '../../api/problem';
import i18n from '../../i18n';
import { problemMessage } from './problem-message';

const problem = (status: number, code?: string, detail = 'An English detail from the API.') =>
  new ApiProblem({ title: 'x', status, code, detail });

describe('problemMessage', () => {
  it('tells a known refusal by its code in the user language, not the API English detail', async () => {
    await i18n.changeLanguage('nl');
    const t = i18n.getFixedT('nl', 'calendar');
    expect(problemMessage(problem(409, 'CONSENT.ALREADY_IN_FORCE'), t, 'nl')).toBe(
      i18n.t('common:errors.code.CONSENT_ALREADY_IN_FORCE', { lng: 'nl' }),
    );
    expect(problemMessage(problem(409, 'CONSENT.ALREADY_IN_FORCE'), t, 'nl')).toMatch(
      /toestemming/,
    );
  });

  it('answers an unknown conflict with the general conflict text, whatever namespace t is bound to', () => {
    const t = i18n.getFixedT('en', 'session');
    expect(problemMessage(problem(409, 'SOMETHING.NEW'), t, 'en')).toBe(
      i18n.t('common:errors.conflict', { lng: 'en' }),
    );
    expect(problemMessage(problem(NETWORK_FAILURE), t, 'en')).toBe(
      i18n.t('common:errors.network', { lng: 'en' }),
    );
  });

  it('says how long a throttled request must wait', () => {
    const t = i18n.getFixedT('en', 'common');
    const throttled = new ApiProblem({ title: 'x', status: 429 }, 120);
    expect(problemMessage(throttled, t, 'en')).toContain('in 2 minutes');
  });
});
