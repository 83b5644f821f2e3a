/** The parts of the benchmark's output: tables, notes and targets, printed as Markdown. */

export type TargetStatus = 'met' | 'not met' | 'not measured';

export interface TargetLine {
  status: TargetStatus;
  /** The target and the measured values, such as "start-up under 1500 ms: 820 ms". */
  text: string;
}

export interface Table {
  headers: string[];
  rows: string[][];
}

export interface SectionReport {
  title: string;
  tables: Table[];
  notes: string[];
  targets: TargetLine[];
}

export function checkTarget(met: boolean, text: string): TargetLine {
  return { status: met ? 'met' : 'not met', text };
}

export function formatMs(value: number): string {
  return value < 10 ? value.toFixed(3) : value.toFixed(1);
}

export function formatRatio(value: number): string {
  return `${value.toFixed(2)}×`;
}

export function formatTable(table: Table): string {
  const widths = table.headers.map((header, column) =>
    Math.max(header.length, ...table.rows.map((row) => (row[column] ?? '').length)),
  );
  const formatRow = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  const separator = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;

  return [formatRow(table.headers), separator, ...table.rows.map(formatRow)].join('\n');
}

export function formatSection(section: SectionReport): string {
  const parts = [`## ${section.title}`, ...section.tables.map(formatTable)];
  if (section.notes.length > 0) {
    parts.push(section.notes.map((note) => `- ${note}`).join('\n'));
  }

  return parts.join('\n\n');
}

export function formatTargets(targets: TargetLine[]): string {
  return targets.map((target) => `- **${target.status}**: ${target.text}`).join('\n');
}
