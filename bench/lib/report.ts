/** One section of docs/benchmarks.md, as each bench returns it. */

/** Whether a figure met its goal; `info` for figures without one, `pending` when it could not be measured. */
export type Verdict = 'met' | 'missed' | 'pending' | 'info';

/** A bench's result. */
export interface BenchSection {
  title: string;
  /** The goal as stated in issue #8, or undefined. */
  goal?: string;
  verdict: Verdict;
  /** Markdown: tables and the explanation of what is measured. */
  body: string;
}

/** A bench: runs bounded in time and returns its section; it must release every port and process it used. */
export type Bench = () => Promise<BenchSection>;

const BADGE: Record<Verdict, string> = {
  met: '✅ goal met',
  missed: '❌ goal missed',
  pending: '⏳ pending',
  info: 'ℹ️ for information',
};

/** The markdown of a section. */
export function renderSection(section: BenchSection): string {
  const goal = section.goal === undefined ? '' : ` — goal: ${section.goal}`;
  return `## ${section.title}\n\n${BADGE[section.verdict]}${goal}\n\n${section.body.trim()}\n`;
}

/** A markdown table. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
