import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { heapFlagsFor } from '../../bin/heap-flags.mjs';

describe('heapFlagsFor (the launcher\'s heap settings, which the stream benchmark measures with)', () => {
  it('should cap the young and the old generation and keep WebAssembly in Liftoff for a one-shot command such as import', () => {
    expect(heapFlagsFor('import', undefined)).toEqual(['--max-semi-space-size=4', '--max-old-space-size=144', '--liftoff-only']);
  });

  it('should keep the default old generation for the long-running commands', () => {
    for (const command of ['serve', 'worker', 'sandbox']) expect(heapFlagsFor(command, '')).toEqual(['--max-semi-space-size=4']);
  });

  it('should leave the old generation to a size set in NODE_OPTIONS', () => {
    expect(heapFlagsFor('import', '--max-old-space-size=512')).toEqual(['--max-semi-space-size=4', '--liftoff-only']);
  });

  it('should start Node with the flags of every kind of command (Node refuses an unknown flag)', () => {
    for (const command of ['import', 'serve']) {
      expect(execFileSync(process.execPath, [...heapFlagsFor(command, undefined), '-e', 'console.log("started")'], { encoding: 'utf8' })).toBe('started\n');
    }
  });
});
