#!/usr/bin/env node
// The `pc-onboard` command (package `bin`, `npm start`, `npm link`). Plain JavaScript so that it
// starts on any Node on PATH: it runs the CLI (TypeScript, Node ≥ 24) on the project's own Node
// with the heap settings the CLI is measured with, wherever it is called from.
import { spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { heapFlagsFor } from './heap-flags.mjs';

const root = dirname(dirname(realpathSync(fileURLToPath(import.meta.url))));
const entry = join(root, 'worker', 'cli', 'main.ts');
const projectNode = join(root, 'node_modules', 'node', 'bin', 'node');
const major = Number(process.versions.node.split('.')[0]);
const node = major >= 24 ? process.execPath : projectNode;
if (node === projectNode && !existsSync(projectNode)) {
  console.error(`pc-onboard: needs Node 24 or later (this is ${process.version}). Run "npm install" in ${root} once; it brings its own Node.`);
  process.exit(2);
}
const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
const HEAP_FLAGS = heapFlagsFor(command, process.env.NODE_OPTIONS);
// One data directory (API token, secret key, embedded Redis) wherever the command runs, unless set.
const env = { ...process.env, PC_ONBOARD_DATA_DIR: process.env.PC_ONBOARD_DATA_DIR || join(root, '.data') };
const child = spawn(node, [...HEAP_FLAGS, entry, ...process.argv.slice(2)], { stdio: 'inherit', env });

// Ctrl+C reaches the CLI from the terminal itself (same process group): passing it on as well
// would count as a second Ctrl+C. Signals sent to this process alone are passed on.
process.on('SIGINT', () => {});
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  console.error(`pc-onboard: could not start ${node}: ${error.message}`);
  process.exit(2);
});
child.on('exit', (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else {
    process.exit(code ?? 1);
  }
});
