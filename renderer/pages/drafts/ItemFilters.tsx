import { Button, Group, MultiSelect, Select, Switch, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { CategorySelect } from '../../components/CategorySelect.js';
import { EDITION_STATUSES, VALIDITY, type EditionStatus, type Validity } from '../../../shared/domain/catalogue.js';
import type { Category, CommandInput } from '../../../shared/contract.js';

export type Sort = CommandInput<'items.list'>['sort'];
export const SORTS: readonly Sort[] = ['updated_desc', 'updated_asc', 'written_desc', 'written_asc', 'title_asc', 'index_asc'];

/** The list's filters as the form holds them; `toListFilters` turns them into the command's. */
export interface Filters {
  status: EditionStatus[];
  categoryId: string | null;
  draftingUnit: string;
  mine: boolean;
  validity: Validity | null;
  writtenFrom: string;
  writtenTo: string;
}

export const NO_FILTERS: Filters = {
  status: [],
  categoryId: null,
  draftingUnit: '',
  mine: false,
  validity: null,
  writtenFrom: '',
  writtenTo: '',
};

export function toListFilters(filters: Filters, userId: string): CommandInput<'items.list'>['filters'] {
  const result: CommandInput<'items.list'>['filters'] = {};
  if (filters.status.length) result.status = filters.status;
  if (filters.categoryId) result.categoryId = filters.categoryId;
  if (filters.draftingUnit.trim()) result.draftingUnit = filters.draftingUnit.trim();
  if (filters.mine) result.authorId = userId;
  if (filters.validity) result.validity = filters.validity;
  if (/^\d{4}-\d{2}-\d{2}$/.test(filters.writtenFrom)) result.writtenFrom = filters.writtenFrom;
  if (/^\d{4}-\d{2}-\d{2}$/.test(filters.writtenTo)) result.writtenTo = filters.writtenTo;
  return result;
}

export function hasFilters(filters: Filters): boolean {
  return JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
}

interface ItemFiltersProps {
  categories: Category[];
  filters: Filters;
  onChange(filters: Filters): void;
  sort: Sort;
  onSortChange(sort: Sort): void;
}

export function ItemFilters({ categories, filters, onChange, sort, onSortChange }: ItemFiltersProps) {
  const { t } = useI18n();
  const { user } = useSession();
  const set = <K extends keyof Filters>(name: K, value: Filters[K]) => onChange({ ...filters, [name]: value });

  return (
    <Group gap="xs" align="flex-end" data-testid="item-filters">
      <MultiSelect
        label={t('drafts.filter.status')}
        placeholder={filters.status.length ? undefined : t('drafts.filter.all')}
        data={EDITION_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        value={filters.status}
        onChange={(value) => set('status', value as EditionStatus[])}
        clearable
        w={220}
        size="xs"
        data-testid="filter-status"
      />
      <CategorySelect
        label={t('catalogue.field.category')}
        placeholder={t('drafts.filter.all')}
        categories={categories}
        value={filters.categoryId}
        onChange={(value) => set('categoryId', value)}
        clearable
        w={200}
        size="xs"
        data-testid="filter-category"
      />
      <TextInput
        label={t('catalogue.field.draftingUnit')}
        placeholder={t('drafts.filter.exact')}
        value={filters.draftingUnit}
        maxLength={60}
        onChange={(event) => set('draftingUnit', event.currentTarget.value)}
        w={150}
        size="xs"
        data-testid="filter-draftingUnit"
      />
      <TextInput
        type="date"
        label={t('drafts.filter.written_from')}
        value={filters.writtenFrom}
        onChange={(event) => set('writtenFrom', event.currentTarget.value)}
        w={140}
        size="xs"
        data-testid="filter-writtenFrom"
      />
      <TextInput
        type="date"
        label={t('drafts.filter.written_to')}
        value={filters.writtenTo}
        onChange={(event) => set('writtenTo', event.currentTarget.value)}
        w={140}
        size="xs"
        data-testid="filter-writtenTo"
      />
      <Select
        label={t('catalogue.field.validity')}
        placeholder={t('drafts.filter.all')}
        data={VALIDITY.map((validity) => ({ value: validity, label: t(`catalogue.validity.${validity}`) }))}
        value={filters.validity}
        onChange={(value) => set('validity', value as Validity | null)}
        clearable
        w={110}
        size="xs"
        data-testid="filter-validity"
      />
      <Select
        label={t('drafts.sort')}
        data={SORTS.map((value) => ({ value, label: t(`drafts.sort.${value}`) }))}
        value={sort}
        onChange={(value) => value && onSortChange(value as Sort)}
        allowDeselect={false}
        w={170}
        size="xs"
        data-testid="sort"
      />
      <Switch
        label={t('drafts.filter.mine')}
        checked={filters.mine}
        onChange={(event) => set('mine', event.currentTarget.checked)}
        disabled={!user.roles.includes('officer') && !filters.mine}
        mb={6}
        data-testid="filter-mine"
      />
      {hasFilters(filters) && (
        <Button variant="subtle" size="xs" onClick={() => onChange(NO_FILTERS)} data-testid="filter-reset">
          {t('drafts.filter.reset')}
        </Button>
      )}
    </Group>
  );
}
