/** One measured figure of `npm run bench`, with its goal and the command that reproduces it. */
export interface BenchLine {
  /** The benchmark it belongs to (`reader`, `stream`, `queue`, `limit`, `extension`). */
  bench: string;
  /** What was measured, e.g. `shared reader rows/s`. */
  metric: string;
  value: number;
  unit: string;
  /** The goal in words, e.g. `≤ 2×`; absent for context figures. */
  goal?: string;
  /** Whether the goal is met; absent when the line has no goal. */
  met?: boolean;
  command: string;
  /** Why a goal is missed, or how to read the figure. */
  note?: string;
  /** When the run that measured it started (latest.json mixes runs of single benchmarks). */
  measuredAt?: string;
}

/** The JSON written to `bench/results/<timestamp>.json`. */
export interface BenchReport {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; node: string; platform: string; totalMemoryMb: number; /** 1-minute load average at the start: the machine is shared, figures move with it. */ loadAverage1m: number };
  lines: BenchLine[];
  /** Benchmarks that could not run, with the reason. */
  errors: { bench: string; error: string }[];
}

/** Rounds to at most `digits` decimals for display and JSON. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
