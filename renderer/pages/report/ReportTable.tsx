import { Table, UnstyledButton } from '@mantine/core';
import type { TableLayout } from '../../../shared/domain/annual-report.js';

interface ReportTableProps {
  layout: TableLayout;
  /** Opens the records behind a counted figure. */
  onFigure(cell: string): void;
  testId: string;
}

/** One of the official tables, merged cells as in the format; counted figures are buttons. */
export function ReportTable({ layout, onFigure, testId }: ReportTableProps) {
  return (
    <Table withTableBorder withColumnBorders fz="xs" data-testid={testId}>
      <Table.Tbody>
        {layout.rows.map((cells, r) => (
          <Table.Tr key={r}>
            {cells.map((c, i) => {
              const Cell = c.header ? Table.Th : Table.Td;
              return (
                <Cell key={i} colSpan={c.span} rowSpan={c.rows} ta={c.header || c.cell || /^\d/.test(c.text) ? 'center' : undefined}>
                  {c.cell ? (
                    <UnstyledButton onClick={() => onFigure(c.cell!)} c="blue" fz="xs" td="underline" data-testid={`figure-${c.cell}`}>
                      {c.text}
                    </UnstyledButton>
                  ) : (
                    c.text
                  )}
                </Cell>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
