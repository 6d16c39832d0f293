import { Table, Text } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useI18n } from '../i18n.js';
import { formatShortDateTime } from '../format.js';
import type { ItemRow } from '../../shared/contract.js';

/** A row that acts like a button: click, Enter or Space. */
export function activation(onActivate: () => void) {
  return {
    onClick: onActivate,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onActivate();
      }
    },
    tabIndex: 0,
    style: { cursor: 'pointer' },
  };
}

/** The cells work queues show for an edition: index number, title, category, author, last change. */
export function EditionCells({ row, categoryNames }: { row: ItemRow; categoryNames: ReadonlyMap<string, string> }) {
  const { t, language } = useI18n();
  return (
    <>
      <Table.Td>
        <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {row.indexNumber}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {row.title || t('editor.untitled')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{categoryNames.get(row.categoryId) ?? row.categoryId}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.authorName}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatShortDateTime(row.updatedAt, language)}</Text>
      </Table.Td>
    </>
  );
}
