import { Badge, Button, Center, Checkbox, Code, Group, Loader, Modal, NumberInput, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { isMessageKey, useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useQuery } from '../../hooks/useQuery.js';
import { useForm } from '../../hooks/useForm.js';
import { notifySuccess } from '../../failures.js';
import { categoryOptions, todayInShanghai } from '../../catalogue.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { requiredProblem } from '../../validation.js';
import { formatIndexNumber, validateIndexPattern } from '../../../shared/domain/index-number.js';
import type { Category, CommandOutput } from '../../../shared/contract.js';
import type { ApiError } from '../../../shared/errors.js';

type Dialog = { kind: 'create' } | { kind: 'edit'; category: Category };

/** The information categories (and the website column each maps to), and how index numbers are formed. */
export function CategoriesTab() {
  const { t } = useI18n();
  const categories = useQuery('categories.list');
  const settings = useQuery('catalogue.settings');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [opened, { open, close }] = useDisclosure(false);

  function show(next: Dialog) {
    setDialog(next);
    open();
  }

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text size="sm" c="dimmed" maw={640}>
            {t('categories.intro')}
          </Text>
          <Button leftSection={<IconPlus size={16} />} onClick={() => show({ kind: 'create' })} data-testid="add-category">
            {t('categories.add')}
          </Button>
        </Group>
        <ErrorAlert error={categories.error} />
        {categories.data ? (
          <CategoriesTable categories={categories.data} onEdit={(category) => show({ kind: 'edit', category })} />
        ) : (
          !categories.error && (
            <Center p="md">
              <Loader size="sm" />
            </Center>
          )
        )}
      </Stack>

      <Stack gap="sm" maw={560}>
        <Title order={4}>{t('catalogue_settings.title')}</Title>
        <ErrorAlert error={settings.error} />
        {settings.data && <CatalogueSettingsForm saved={settings.data} onSaved={settings.reload} />}
      </Stack>

      <Modal
        opened={opened}
        onClose={close}
        onExitTransitionEnd={() => setDialog(null)}
        title={dialog && t(dialog.kind === 'create' ? 'categories.create_title' : 'categories.edit_title')}
        size="md"
      >
        {dialog && categories.data && (
          <CategoryForm
            key={dialog.kind === 'edit' ? dialog.category.id : 'new'}
            category={dialog.kind === 'edit' ? dialog.category : null}
            categories={categories.data}
            onSaved={(saved) => {
              close();
              categories.reload();
              notifySuccess(t('categories.saved', { name: saved.name }));
            }}
            onCancel={close}
          />
        )}
      </Modal>
    </Stack>
  );
}

function CategoriesTable({ categories, onEdit }: { categories: Category[]; onEdit(category: Category): void }) {
  const { t } = useI18n();
  const byId = new Map(categories.map((c) => [c.id, c]));
  // Parents first, each followed by its sub-categories, as everywhere else.
  const ordered = categoryOptions(categories).map((option) => byId.get(option.value)!);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing={6} data-testid="categories-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('categories.column.name')}</Table.Th>
            <Table.Th>{t('categories.column.id')}</Table.Th>
            <Table.Th>{t('categories.column.column_id')}</Table.Th>
            <Table.Th>{t('categories.column.parent')}</Table.Th>
            <Table.Th ta="right">{t('categories.column.sort')}</Table.Th>
            <Table.Th>{t('users.column.status')}</Table.Th>
            <Table.Th>{t('users.column.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((category) => (
            <Table.Tr key={category.id} data-testid="category-row" data-id={category.id}>
              <Table.Td>
                <Text size="sm" pl={category.parentId ? 16 : 0} fw={category.parentId ? undefined : 500}>
                  {category.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Code>{category.id}</Code>
              </Table.Td>
              <Table.Td>{category.columnId || <Text span c="dimmed" size="sm">{t('categories.no_column')}</Text>}</Table.Td>
              <Table.Td>{category.parentId ? (byId.get(category.parentId)?.name ?? category.parentId) : ''}</Table.Td>
              <Table.Td ta="right">{category.sortOrder}</Table.Td>
              <Table.Td>
                {category.active ? (
                  <Badge color="green" variant="light">
                    {t('categories.active')}
                  </Badge>
                ) : (
                  <Badge color="gray">{t('categories.inactive')}</Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" onClick={() => onEdit(category)} data-testid="category-edit">
                  {t('common.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface CategoryFormProps {
  /** null for a new category. */
  category: Category | null;
  categories: Category[];
  onSaved(category: Category): void;
  onCancel(): void;
}

function CategoryForm({ category, categories, onSaved, onCancel }: CategoryFormProps) {
  const { t } = useI18n();
  const { command } = useSession();
  const nextSort = Math.max(0, ...categories.map((c) => c.sortOrder)) + 10;
  const form = useForm(
    {
      id: category?.id ?? '',
      name: category?.name ?? '',
      parentId: category?.parentId ?? null,
      columnId: category?.columnId ?? '',
      sortOrder: category?.sortOrder ?? nextSort,
      active: category?.active ?? true,
    },
    (values) => ({
      id: /^[a-z0-9_]{2,40}$/.test(values.id) ? null : 'categories.id_invalid',
      name: requiredProblem(values.name),
    }),
  );
  // Only top-level categories can be parents (one level of nesting), and never the category itself or one that has children.
  const hasChildren = !!category && categories.some((c) => c.parentId === category.id);
  const parents = categories
    .filter((c) => c.parentId === null && c.id !== category?.id)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((c) => ({ value: c.id, label: c.name }));

  const save = form.onSubmit(async (values) => {
    const saved = await command('categories.save', {
      id: values.id.trim(),
      name: values.name.trim(),
      parentId: values.parentId,
      columnId: values.columnId.trim(),
      sortOrder: values.sortOrder,
      active: values.active,
    });
    onSaved(saved);
  });

  return (
    <form onSubmit={save} data-testid="category-form">
      <Stack gap="sm">
        <TextInput
          label={t('categories.column.name')}
          withAsterisk
          maxLength={40}
          data-autofocus
          data-testid="category-name"
          {...form.field('name')}
        />
        <TextInput
          label={t('categories.column.id')}
          description={t(category ? 'categories.id_fixed' : 'categories.id_help')}
          withAsterisk={!category}
          readOnly={!!category}
          variant={category ? 'filled' : 'default'}
          maxLength={40}
          data-testid="category-id"
          {...form.field('id')}
        />
        <Select
          label={t('categories.column.parent')}
          placeholder={t('categories.no_parent')}
          description={hasChildren ? t('categories.parent_has_children') : undefined}
          data={parents}
          value={form.values.parentId}
          onChange={(value) => form.setValue('parentId', value)}
          clearable
          disabled={hasChildren}
          data-testid="category-parent"
        />
        <TextInput
          label={t('categories.column.column_id')}
          description={t('categories.column_id_help')}
          maxLength={64}
          data-testid="category-column-id"
          {...form.field('columnId')}
        />
        <NumberInput
          label={t('categories.column.sort')}
          description={t('categories.sort_help')}
          value={form.values.sortOrder}
          onChange={(value) => form.setValue('sortOrder', typeof value === 'number' ? value : 0)}
          allowDecimal={false}
          w={160}
          data-testid="category-sort"
        />
        <Checkbox
          label={t('categories.active')}
          description={t('categories.active_help')}
          checked={form.values.active}
          onChange={(event) => form.setValue('active', event.currentTarget.checked)}
          data-testid="category-active"
        />
        <ErrorAlert error={form.failure} />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onCancel} disabled={form.submitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} data-testid="dialog-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type CatalogueSettings = CommandOutput<'catalogue.settings'>;

const MAX_TOPICS = 200;
const MAX_TOPIC_LENGTH = 40;

/** The subjects as typed, one per line: blank lines dropped, duplicates kept once. */
function topicList(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
}

function CatalogueSettingsForm({ saved, onSaved }: { saved: CatalogueSettings; onSaved(): void }) {
  const { t } = useI18n();
  const { command, unit } = useSession();
  const initial = { indexPattern: saved.indexPattern, maxAttachmentMb: saved.maxAttachmentMb, topics: saved.topics.join('\n') };
  // A pattern's problems show as it is typed; the backend has the last word (and says so) on save.
  const form = useForm(initial, (values) => {
    const topics = topicList(values.topics);
    return {
      maxAttachmentMb:
        Number.isInteger(values.maxAttachmentMb) && values.maxAttachmentMb >= 1 && values.maxAttachmentMb <= 2048 ? null : 'catalogue_settings.max_mb_invalid',
      topics:
        topics.length < 1 || topics.length > MAX_TOPICS || topics.some((topic) => topic.length > MAX_TOPIC_LENGTH) ? 'catalogue_settings.topics_invalid' : null,
    };
  });
  const pattern = form.values.indexPattern.trim();
  const patternProblems = validateIndexPattern(pattern);
  const example =
    !patternProblems.length && unit ? formatIndexNumber(pattern, { code: unit.code, date: todayInShanghai(), serial: 1 }) : null;

  const save = form.onSubmit(async (values) => {
    const updated = await command('catalogue.updateSettings', {
      indexPattern: values.indexPattern.trim(),
      maxAttachmentMb: values.maxAttachmentMb,
      topics: topicList(values.topics),
    });
    form.reset({ indexPattern: updated.indexPattern, maxAttachmentMb: updated.maxAttachmentMb, topics: updated.topics.join('\n') });
    notifySuccess(t('catalogue_settings.saved'));
    onSaved();
  });

  // The backend names the pattern's problems by code; say them in words like the live check does.
  const failure: ApiError | null =
    form.failure?.code === 'catalogue.invalid_index_pattern'
      ? {
          ...form.failure,
          params: {
            problems: String(form.failure.params?.problems ?? '')
              .split(/,\s*/)
              .map((problem) => {
                const key = `catalogue_settings.problem.${problem}`;
                return isMessageKey(key) ? t(key).replace(/[\u3002.]$/, '') : problem;
              })
              .join(t('common.list_separator')),
          },
        }
      : form.failure;

  return (
    <form onSubmit={save} data-testid="catalogue-settings-form">
      <Stack gap="sm">
        <TextInput
          label={t('catalogue_settings.index_pattern')}
          description={t('catalogue_settings.index_pattern_help')}
          maxLength={80}
          data-testid="index-pattern"
          {...form.field('indexPattern')}
          error={
            patternProblems.length ? (
              <Stack gap={2} component="span">
                {patternProblems.map((problem) => (
                  <span key={problem}>{t(`catalogue_settings.problem.${problem}`)}</span>
                ))}
              </Stack>
            ) : undefined
          }
        />
        {example && (
          <Text size="sm" c="dimmed" data-testid="index-pattern-example">
            {t('catalogue_settings.example', { example })}
          </Text>
        )}
        <NumberInput
          label={t('catalogue_settings.max_mb')}
          description={t('catalogue_settings.max_mb_help')}
          value={form.values.maxAttachmentMb}
          onChange={(value) => form.setValue('maxAttachmentMb', typeof value === 'number' ? value : 0)}
          min={1}
          max={2048}
          allowDecimal={false}
          suffix=" MB"
          w={180}
          error={form.error('maxAttachmentMb')}
          data-testid="max-attachment-mb"
        />
        <Textarea
          label={t('catalogue_settings.topics')}
          description={t('catalogue_settings.topics_help', { count: topicList(form.values.topics).length })}
          autosize
          minRows={4}
          maxRows={12}
          data-testid="catalogue-topics"
          value={form.values.topics}
          onChange={(event) => form.setValue('topics', event.currentTarget.value)}
          error={form.error('topics')}
        />
        <Text size="xs" c="dimmed">
          {t('catalogue_settings.change_note')}
        </Text>
        <ErrorAlert error={failure} />
        <Group>
          <Button type="submit" loading={form.submitting} data-testid="catalogue-settings-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
