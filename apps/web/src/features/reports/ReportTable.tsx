import { Paper } from '@mantine/core';
import type { CSSProperties } from 'react';
import type { ShownReport } from './shown-report';
import classes from './Reports.module.css';

interface Props {
  shown: ShownReport;
  label: string;
}

/**
 * The figures, one dense row per group, exactly as the CSV holds them. A withheld group keeps
 * its name and says "fewer than 5 clients" in its clients cell; its figures read "–". Plain
 * table elements rather than Mantine's Table parts: a year by week is some 600 cells, and a
 * component per cell cost most of the page's time from data to paint (npm run bench:web).
 */
export function ReportTable({ shown, label }: Props) {
  const clientsIndex = shown.columns.findIndex((column) => column.key === 'clients');
  const columnClass = shown.columns.map((column) =>
    column.numeric ? classes.numeric : classes.rowName,
  );
  return (
    <Paper withBorder radius="sm">
      {/* Focusable so that a keyboard can scroll a table wider than a tablet (axe). */}
      <div
        className={classes.tableScroll}
        tabIndex={0}
        role="region"
        aria-label={label}
        style={{ '--report-table-min': `${shown.columns.length * 92}px` } as CSSProperties}
      >
        <table className={classes.table} aria-label={label}>
          <thead>
            <tr>
              {shown.columns.map((column, index) => (
                <th key={column.key} scope="col" className={columnClass[index]}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.rows.map((row) => (
              <tr key={row.key} className={row.suppressed ? classes.withheldRow : undefined}>
                {row.cells.map((cell, index) => {
                  const column = shown.columns[index];
                  if (index === 0 && !column.numeric) {
                    return (
                      <th key={column.key} scope="row" className={classes.rowName}>
                        {cell}
                      </th>
                    );
                  }
                  const withheld = row.suppressed && index === clientsIndex;
                  return (
                    <td
                      key={column.key}
                      className={withheld ? classes.withheldCell : columnClass[index]}
                    >
                      {cell}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Paper>
  );
}
