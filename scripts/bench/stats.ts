// Timing and reporting helpers: percentiles over iterations, batched timing of in-memory calls, the results table.

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  samples: number;
}

/** Nearest-rank percentiles of durations in milliseconds. */
export function percentiles(durations: readonly number[]): Percentiles {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), samples: sorted.length };
}

/**
 * Times `run` `iterations` times after `warmup` untimed calls; durations in milliseconds. A slow query stops early
 * once it has used `budgetMs` and has at least `minimum` samples (the sample count is then printed with the row).
 */
export async function timeAsync(
  run: (iteration: number) => Promise<unknown>,
  iterations: number,
  warmup: number,
  { budgetMs = 30_000, minimum = 20 }: { budgetMs?: number; minimum?: number } = {},
): Promise<Percentiles> {
  const started = performance.now();
  for (let i = 0; i < warmup && (i < 2 || performance.now() - started < budgetMs / 4); i++) await run(i);
  const durations: number[] = [];
  const timed = performance.now();
  for (let i = 0; i < iterations; i++) {
    const begin = performance.now();
    await run(warmup + i);
    durations.push(performance.now() - begin);
    if (durations.length >= minimum && performance.now() - timed > budgetMs) break;
  }
  return percentiles(durations);
}

/**
 * Times a synchronous call in batches: each sample is one batch's duration divided by its size, in milliseconds per
 * call (so sub-microsecond calls are measurable). The checksum keeps the engine from dropping the calls.
 */
export function timeBatches(call: (i: number) => number, batchSize: number, batches: number, warmupBatches = 3): Percentiles & { checksum: number } {
  let checksum = 0;
  for (let b = 0; b < warmupBatches; b++) for (let i = 0; i < batchSize; i++) checksum += call(i);
  const samples: number[] = [];
  for (let b = 0; b < batches; b++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < batchSize; i++) checksum += call(i);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6 / batchSize);
  }
  return { ...percentiles(samples), checksum };
}

export interface Target {
  /** Milliseconds the p95 must not exceed. */
  p95AtMost?: number;
  /** Shown instead of a threshold when the row has none. */
  note?: string;
}

export interface ResultRow {
  metric: string;
  result: Percentiles | null;
  target?: Target;
  /** Shown in place of the percentiles (e.g. a ratio, or "pending"). */
  text?: string;
  /** A pass/fail decided elsewhere (e.g. the CASL ratio). */
  pass?: boolean;
  /** The iterations asked for: fewer samples (a slow query out of time budget) are shown as n=…. */
  expectedSamples?: number;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  if (ms < 0.01) return `${(ms * 1000).toFixed(2)} µs`;
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 100) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(0)} ms`;
}

function targetText(target: Target | undefined): string {
  if (!target) return "";
  if (target.p95AtMost !== undefined) {
    const limit = Number.isInteger(target.p95AtMost)
      ? `${target.p95AtMost.toLocaleString("en")} ms`
      : `${Number((target.p95AtMost * 1000).toPrecision(3))} µs`;
    return `p95 ≤ ${limit}`;
  }
  return target.note ?? "";
}

/** Whether a row meets its target; undefined when it has none. */
export function verdict(row: ResultRow): boolean | undefined {
  if (row.pass !== undefined) return row.pass;
  if (row.result && row.target?.p95AtMost !== undefined) return row.result.p95 <= row.target.p95AtMost;
  return undefined;
}

/** The results table, as plain text (its figures go into docs/authorization.md §7.1). */
export function renderTable(rows: readonly ResultRow[], withVerdicts: boolean): string {
  const header = ["metric", "p50", "p95", "p99", "target", withVerdicts ? "PASS/MISS" : "(no thresholds)"];
  const lines = rows.map((row) => {
    const ok = verdict(row);
    const cells = row.result
      ? [formatMs(row.result.p50), formatMs(row.result.p95), formatMs(row.result.p99)]
      : [row.text ?? "—", "", ""];
    if (row.result && row.result.samples < (row.expectedSamples ?? 0)) cells[0] = `${cells[0]} (n=${row.result.samples})`;
    if (row.result && row.text) cells[2] = `${cells[2]}  ${row.text}`;
    return [row.metric, ...cells, targetText(row.target), withVerdicts ? (ok === undefined ? "" : ok ? "PASS" : "MISS") : ""];
  });
  const widths = header.map((cell, column) => Math.max(cell.length, ...lines.map((line) => line[column]!.length)));
  const render = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [render(header), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...lines.map(render)].join("\n");
}
