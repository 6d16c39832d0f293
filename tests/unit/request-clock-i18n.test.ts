import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../shared/i18n/index.js';
import { CLOCK_HISTORY_REASONS, CLOCK_PROBLEM_CODES } from '../../shared/domain/application-clock.js';
import { REQUEST_ACTIONS, REQUEST_STATES } from '../../shared/contract.js';

describe('the request clock in words', () => {
  it.each(Object.entries(dictionaries))('%s translates every clock problem, history reason, state and action', (_language, dict) => {
    const keys = new Set(Object.keys(dict));
    const wanted = [
      ...CLOCK_PROBLEM_CODES.map((code) => `reason.${code}`),
      ...CLOCK_HISTORY_REASONS,
      ...REQUEST_STATES.map((state) => `requests.state.${state}`),
      ...REQUEST_ACTIONS.filter((a) => !a.startsWith('close_')).map((a) => `requests.action.${a}`),
    ];
    expect(wanted.filter((key) => !keys.has(key))).toEqual([]);
  });
});
