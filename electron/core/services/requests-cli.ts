/**
 * The request rules on the command line (`gongkai fee`, `gongkai request due`): the same pure rules
 * the app uses, printed for officers and scripts. Usage problems are returned as messages for the
 * CLI to turn into exit code 2.
 */
import { explainDue } from '../../../shared/domain/application-clock.js';
import { MAX_FEE_QUANTITY, processingFee, type FeeBasis } from '../../../shared/domain/processing-fee.js';
import type { WorkCalendar } from '../../../shared/domain/working-days.js';

export type CliResult = { ok: true; lines: string[] } | { ok: false; usage: string };

function quantity(raw: string, option: string): number | string {
  if (!/^\d+$/.test(raw) || Number(raw) > MAX_FEE_QUANTITY) return `${option} needs a whole number from 0 to ${MAX_FEE_QUANTITY}, got "${raw}"`;
  return Number(raw);
}

/** `gongkai fee --items N | --pages N [--json]`: 信息处理费 under 国办函〔2020〕109号, one standard only. */
export function feeCommand(items: string | undefined, pages: string | undefined, json: boolean): CliResult {
  if ((items === undefined) === (pages === undefined)) return { ok: false, usage: 'give exactly one of --items N (按件计收) or --pages N (按量计收)' };
  const [option, raw] = items !== undefined ? ['--items', items] : ['--pages', pages!];
  const n = quantity(raw, option);
  if (typeof n === 'string') return { ok: false, usage: n };
  const basis: FeeBasis = items !== undefined ? { standard: 'by_items', items: n } : { standard: 'by_pages', pages: n };
  const { total, breakdown } = processingFee(basis);
  if (json) return { ok: true, lines: [JSON.stringify({ fee: total, standard: basis.standard, quantity: n, breakdown })] };
  const unit = basis.standard === 'by_items' ? '件' : '页';
  return {
    ok: true,
    lines: [
      `${total} 元 (${basis.standard === 'by_items' ? '按件计收' : '按量计收'} ${n} ${unit})`,
      ...breakdown.map((b) => `  ${b.from}–${b.to} ${unit}: ${b.count} × ${b.rate} 元 = ${b.amount} 元`),
    ],
  };
}

/**
 * `gongkai request due DATE [--explain] [--json]`: the reply date (条例第三十三条) of a request
 * received on DATE, with every counted and skipped day on request. Provisional when a day examined
 * lies in a year the calendar has no schedule for.
 */
export function requestDueCommand(calendar: WorkCalendar, date: string, explain: boolean, json: boolean): CliResult {
  const x = explainDue(calendar, [{ type: 'received', date }]);
  if (json) {
    const days = explain ? { days: x.days.map(({ date: d, kind, name, workday, counted, ordinal, provisional }) => ({ date: d, kind, name, workday, counted, ordinal, provisional })) } : {};
    return { ok: true, lines: [JSON.stringify({ due: x.due, provisional: x.provisional, receivedOn: date, workdays: x.periodWorkdays, ...days })] };
  }
  const head = `${x.due}${x.provisional ? ' provisional' : ''}`;
  if (!explain) return { ok: true, lines: [head] };
  return {
    ok: true,
    lines: [
      `received ${date}; reply due ${x.periodWorkdays} working days later: ${head}`,
      ...x.days.map((d) => `  ${d.date}\t${d.kind}${d.name ? ` ${d.name}` : ''}\t${d.counted ? `counted ${d.ordinal}` : 'skipped'}${d.provisional ? '\tprovisional' : ''}`),
    ],
  };
}
