// The V8 heap settings the `pc-onboard` launcher starts the CLI with (plain JavaScript, like the
// launcher). The stream benchmark starts its reader with the same settings, so the memory it
// reports is the memory of `pc-onboard import` as a user runs it.

/**
 * A small young generation and, for the commands that stream a file, a capped old one: they hold
 * little live data per row (rows go to Redis in batches), so a big heap only lets garbage pile up
 * (docs/performance.md, Memory). `serve` and `worker` keep V8's default old generation: the API
 * holds an uploaded file in memory while it reads it.
 */
const YOUNG_GENERATION = ['--max-semi-space-size=4'];
const CAPPED_OLD_GENERATION = ['--max-old-space-size=144'];
const LONG_RUNNING = new Set(['serve', 'worker', 'sandbox']);
/**
 * WebAssembly in Liftoff (V8's baseline compiler) only: Node's fetch parses HTTP with llhttp
 * compiled to WebAssembly, and V8's optimizing compile of it takes a zone of about 25 MB at the
 * first requests (and type stripping's compiler, also WebAssembly, a few MB at start-up); a
 * one-shot command talks to Partner Center at its rate limit, far below what Liftoff code parses
 * (docs/performance.md, Memory).
 */
const BASELINE_WASM = ['--liftoff-only'];

/**
 * The heap flags for `command` (the first non-option argument; undefined for none). A
 * `--max-old-space-size` in NODE_OPTIONS wins over the cap.
 *
 * @param {string | undefined} command
 * @param {string | undefined} nodeOptions the NODE_OPTIONS the CLI will inherit
 * @returns {string[]}
 */
export function heapFlagsFor(command, nodeOptions) {
  const userHeap = /--max-old-space-size/.test(nodeOptions ?? '');
  if (LONG_RUNNING.has(command ?? '')) return [...YOUNG_GENERATION];
  return [...YOUNG_GENERATION, ...(userHeap ? [] : CAPPED_OLD_GENERATION), ...BASELINE_WASM];
}
