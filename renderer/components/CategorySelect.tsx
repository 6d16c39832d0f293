import { Select, Text, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { categoryOptions } from '../catalogue.js';
import type { Category } from '../../shared/contract.js';

interface CategorySelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  categories: readonly Category[];
  value: string | null;
  onChange(value: string | null): void;
  /** Offer only active categories (plus `value`, so an item in a retired category still shows it). */
  activeOnly?: boolean;
}

/** The unit's information categories, sub-categories indented under their parent. */
export function CategorySelect({ categories, value, onChange, activeOnly = false, ...props }: CategorySelectProps) {
  const options = useMemo(
    () => categoryOptions(categories, activeOnly ? { activeOnly, keep: value ?? undefined } : {}),
    [categories, activeOnly, value],
  );
  const depths = useMemo(() => new Map(options.map((o) => [o.value, o.depth])), [options]);
  return (
    <Select
      data={options.map(({ value: v, label }) => ({ value: v, label }))}
      value={value}
      onChange={(next) => onChange(next)}
      searchable
      renderOption={({ option }) => {
        const depth = depths.get(option.value) ?? 0;
        const name = depth > 0 ? (option.label.split(' / ').pop() ?? option.label) : option.label;
        return (
          <Text size="sm" pl={depth * 16}>
            {name}
          </Text>
        );
      }}
      {...props}
    />
  );
}
