import { ActionIcon, Button, Center, Checkbox, Group, Loader, Radio, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useQuery } from '../../hooks/useQuery.js';
import { useForm } from '../../hooks/useForm.js';
import { notifySuccess } from '../../failures.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ROLES, type Role } from '../../../shared/roles.js';
import type { CommandOutput } from '../../../shared/contract.js';

type ReviewSettings = CommandOutput<'review.settings'>;
type ChecklistItem = ReviewSettings['checklist'][number];

/** One entry per line: blank lines dropped, duplicates kept once. */
function lines(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
}

interface Values extends Record<string, unknown> {
  checklist: ChecklistItem[];
  ownPhoneNumbers: string;
  sensitiveWords: string;
  idMask: ReviewSettings['idMask'];
}

function valuesOf(s: ReviewSettings): Values {
  return { checklist: s.checklist, ownPhoneNumbers: s.ownPhoneNumbers.join('\n'), sensitiveWords: s.sensitiveWords.join('\n'), idMask: s.idMask };
}

/** An id for a new item that no existing item has. */
function newItemId(items: ChecklistItem[]): string {
  let n = items.length + 1;
  while (items.some((i) => i.id === `custom_${n}`)) n++;
  return `custom_${n}`;
}

/** Confidentiality-review settings: the checklist template, the unit's own published numbers, sensitive words, and how ID numbers are masked. */
export function ReviewSettingsTab() {
  const { t } = useI18n();
  const settings = useQuery('review.settings');
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('review_settings.intro')}
      </Text>
      <ErrorAlert error={settings.error} />
      {settings.data ? (
        <ReviewSettingsForm saved={settings.data} onSaved={settings.reload} />
      ) : (
        !settings.error && (
          <Center p="md">
            <Loader size="sm" />
          </Center>
        )
      )}
    </Stack>
  );
}

function ReviewSettingsForm({ saved, onSaved }: { saved: ReviewSettings; onSaved(): void }) {
  const { t } = useI18n();
  const { command } = useSession();
  const form = useForm<Values>(valuesOf(saved), (values) => ({
    checklist: values.checklist.length === 0 || values.checklist.some((i) => !i.question.trim()) ? 'review_settings.checklist_invalid' : null,
  }));

  const setItem = (index: number, change: Partial<ChecklistItem>) =>
    form.setValue(
      'checklist',
      form.values.checklist.map((item, i) => (i === index ? { ...item, ...change } : item)),
    );

  const save = form.onSubmit(async (values) => {
    const updated = await command('review.updateSettings', {
      checklist: values.checklist.map((i) => ({ ...i, question: i.question.trim() })),
      ownPhoneNumbers: lines(values.ownPhoneNumbers),
      sensitiveWords: lines(values.sensitiveWords),
      idMask: values.idMask,
    });
    form.reset(valuesOf(updated));
    notifySuccess(t('review_settings.saved'));
    onSaved();
  });

  return (
    <form onSubmit={save} data-testid="review-settings-form">
      <Stack gap="lg">
        <Stack gap="xs">
          <Text fw={600}>{t('review_settings.checklist')}</Text>
          <Text size="sm" c="dimmed">
            {t('review_settings.checklist_help')}
          </Text>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing={4} data-testid="review-checklist">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('review_settings.question')}</Table.Th>
                  <Table.Th w={130}>{t('review_settings.severity')}</Table.Th>
                  <Table.Th w={130}>{t('review_settings.role')}</Table.Th>
                  <Table.Th w={90}>{t('review_settings.waivable')}</Table.Th>
                  <Table.Th w={40} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {form.values.checklist.map((item, index) => (
                  <Table.Tr key={item.id} data-testid="review-checklist-item">
                    <Table.Td>
                      <TextInput size="xs" value={item.question} maxLength={100} onChange={(e) => setItem(index, { question: e.currentTarget.value })} aria-label={t('review_settings.question')} />
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        allowDeselect={false}
                        value={item.severity}
                        onChange={(value) => value && setItem(index, { severity: value as ChecklistItem['severity'] })}
                        data={(['required', 'recommended'] as const).map((s) => ({ value: s, label: t(`review_settings.severity.${s}`) }))}
                        aria-label={t('review_settings.severity')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        allowDeselect={false}
                        value={item.role}
                        onChange={(value) => value && setItem(index, { role: value as Role })}
                        data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                        aria-label={t('review_settings.role')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Checkbox checked={item.waivable} onChange={(e) => setItem(index, { waivable: e.currentTarget.checked })} aria-label={t('review_settings.waivable')} />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => form.setValue('checklist', form.values.checklist.filter((_, i) => i !== index))}
                        aria-label={t('review_settings.remove_item')}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() =>
                form.setValue('checklist', [...form.values.checklist, { id: newItemId(form.values.checklist), question: '', severity: 'required', role: 'reviewer', waivable: false }])
              }
              data-testid="review-checklist-add"
            >
              {t('review_settings.add_item')}
            </Button>
          </Group>
          {form.error('checklist') && (
            <Text size="sm" c="red">
              {form.error('checklist')}
            </Text>
          )}
        </Stack>

        <Group grow align="flex-start">
          <Textarea
            label={t('review_settings.own_numbers')}
            description={t('review_settings.own_numbers_help')}
            autosize
            minRows={3}
            value={form.values.ownPhoneNumbers}
            onChange={(e) => form.setValue('ownPhoneNumbers', e.currentTarget.value)}
            data-testid="review-own-numbers"
          />
          <Textarea
            label={t('review_settings.sensitive_words')}
            description={t('review_settings.sensitive_words_help')}
            autosize
            minRows={3}
            value={form.values.sensitiveWords}
            onChange={(e) => form.setValue('sensitiveWords', e.currentTarget.value)}
            data-testid="review-sensitive-words"
          />
        </Group>

        <Radio.Group label={t('review_settings.id_mask')} value={form.values.idMask} onChange={(value) => form.setValue('idMask', value as Values['idMask'])}>
          <Stack gap="xs" mt="xs">
            <Radio value="standard" label={t('review_settings.id_mask.standard')} data-testid="review-id-mask-standard" />
            <Radio value="yongan" label={t('review_settings.id_mask.yongan')} data-testid="review-id-mask-yongan" />
          </Stack>
        </Radio.Group>

        <ErrorAlert error={form.failure} />
        <Group>
          <Button type="submit" loading={form.submitting} data-testid="review-settings-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
