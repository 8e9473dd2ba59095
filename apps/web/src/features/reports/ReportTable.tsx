import { Paper, Table } from '@mantine/core';
import type { ShownReport } from './shown-report';
import classes from './Reports.module.css';

interface Props {
  shown: ShownReport;
  label: string;
}

/**
 * The figures, one dense row per group, exactly as the CSV holds them. A withheld group keeps
 * its name and says "fewer than 5 clients" in its clients cell; its figures read "–".
 */
export function ReportTable({ shown, label }: Props) {
  const clientsIndex = shown.columns.findIndex((column) => column.key === 'clients');
  return (
    <Paper withBorder radius="sm">
      {/* Focusable so that a keyboard can scroll a table wider than a tablet (axe). */}
      <Table.ScrollContainer
        minWidth={shown.columns.length * 92}
        type="native"
        tabIndex={0}
        role="region"
        aria-label={label}
      >
        <Table verticalSpacing={6} horizontalSpacing="sm" striped aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {shown.columns.map((column) => (
                <Table.Th
                  key={column.key}
                  scope="col"
                  className={column.numeric ? classes.numeric : classes.rowName}
                >
                  {column.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.rows.map((row) => (
              <Table.Tr key={row.key} className={row.suppressed ? classes.withheldRow : undefined}>
                {row.cells.map((cell, index) => {
                  const column = shown.columns[index];
                  const withheld = row.suppressed && index === clientsIndex;
                  const className = [
                    column.numeric ? classes.numeric : '',
                    withheld ? classes.withheldCell : '',
                  ]
                    .filter(Boolean)
                    .join(' ');
                  return index === 0 && !column.numeric ? (
                    <Table.Th key={column.key} scope="row" fw={500} className={classes.rowName}>
                      {cell}
                    </Table.Th>
                  ) : (
                    <Table.Td key={column.key} className={className || undefined}>
                      {cell}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
