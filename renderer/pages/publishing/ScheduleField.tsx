import { Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n.js';
import type { MessageKey } from '../../../shared/i18n/index.js';

export interface Schedule {
  enabled: boolean;
  /** YYYY-MM-DD and HH:MM as typed, in this computer's time zone. */
  date: string;
  time: string;
}

export const NO_SCHEDULE: Schedule = { enabled: false, date: '', time: '' };

/** The instant to send at (ISO 8601), or the problem with what was typed; null instant: send now. */
export function scheduledAt(schedule: Schedule, now = new Date()): { at: string | null; problem: MessageKey | null } {
  if (!schedule.enabled) return { at: null, problem: null };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(schedule.date) || !/^\d{2}:\d{2}$/.test(schedule.time)) return { at: null, problem: 'publishing.schedule_required' };
  const at = new Date(`${schedule.date}T${schedule.time}:00`);
  if (Number.isNaN(at.getTime())) return { at: null, problem: 'publishing.schedule_required' };
  if (at.getTime() <= now.getTime()) return { at: null, problem: 'publishing.schedule_past' };
  return { at: at.toISOString(), problem: null };
}

/** Scheduled publishing: off by default; on, a date and a time (the browser's own pickers). */
export function ScheduleField({ value, onChange, problem }: { value: Schedule; onChange(next: Schedule): void; problem: MessageKey | null }) {
  const { t } = useI18n();
  return (
    <Stack gap={6}>
      <Switch
        label={t('publishing.schedule')}
        checked={value.enabled}
        onChange={(event) => onChange({ ...value, enabled: event.currentTarget.checked })}
        data-testid="approval-schedule"
      />
      {value.enabled && (
        <>
          <Group gap="xs" grow>
            <TextInput type="date" label={t('publishing.schedule_date')} value={value.date} onChange={(event) => onChange({ ...value, date: event.currentTarget.value })} data-testid="approval-schedule-date" />
            <TextInput type="time" label={t('publishing.schedule_time')} value={value.time} onChange={(event) => onChange({ ...value, time: event.currentTarget.value })} data-testid="approval-schedule-time" />
          </Group>
          <Text size="xs" c={problem ? 'red' : 'dimmed'} data-testid="approval-schedule-help">
            {t(problem ?? 'publishing.schedule_help')}
          </Text>
        </>
      )}
    </Stack>
  );
}
