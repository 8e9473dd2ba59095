/** Where the generator reports to: the terminal, or a test's sink. */
export interface ProgressOutput {
  write(text: string): unknown;
}

/** Prints each table as it is filled, with its rows and seconds, and the total at the end. */
export class ScaleProgress {
  private readonly started = performance.now();
  readonly rowCounts: Record<string, number> = {};

  constructor(private readonly out: ProgressOutput) {}

  line(text: string): void {
    this.out.write(`${text}\n`);
  }

  /** Runs one table's step and reports it; the step returns how many rows it wrote. */
  async table(name: string, step: () => Promise<number>): Promise<void> {
    this.out.write(`  ${name.padEnd(26)}`);
    const started = performance.now();
    const rows = await step();
    this.rowCounts[name] = rows;
    const seconds = (performance.now() - started) / 1000;
    this.out.write(
      `${rows.toLocaleString('en-US').padStart(11)} rows ${seconds.toFixed(1).padStart(7)} s\n`,
    );
  }

  /** Reports a step that writes no table (index maintenance, statistics). */
  async task(name: string, work: () => Promise<void>): Promise<void> {
    this.out.write(`  ${name.padEnd(43)}`);
    const started = performance.now();
    await work();
    this.out.write(`${((performance.now() - started) / 1000).toFixed(1).padStart(7)} s\n`);
  }

  elapsedSeconds(): number {
    return (performance.now() - this.started) / 1000;
  }
}
