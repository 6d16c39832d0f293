import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../shared/domain/local-date.js';

describe('shanghaiDate', () => {
  it.each([
    ['2026-03-01T15:59:59.999Z', '2026-03-01'],
    ['2026-03-01T16:00:00.000Z', '2026-03-02'],
    ['2025-12-31T16:00:00.000Z', '2026-01-01'],
    ['2024-02-28T16:30:00.000Z', '2024-02-29'],
    // Summer in Europe and America changes nothing here.
    ['2026-07-15T23:00:00.000Z', '2026-07-16'],
  ])('%s is %s in Beijing', (instant, date) => {
    expect(shanghaiDate(new Date(instant))).toBe(date);
  });

  it('agrees with ICU on every hour of a year', () => {
    const icu = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) expect(shanghaiDate(new Date(t))).toBe(icu.format(t));
  });
});
