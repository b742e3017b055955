import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../examples/try-sandbox.ts', import.meta.url));

describe('examples/try-sandbox.ts', () => {
  it('should create a customer with two offers and an MCA attestation, printing no password', async () => {
    // process.execPath is the Node 24 that runs Vitest, so the .ts script runs by type stripping.
    const { stdout } = await promisify(execFile)(process.execPath, [script], { timeout: 20_000, env: { ...process.env, SANDBOX_URL: '' } });
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Domain trysandbox[0-9a-f]{8}\.onmicrosoft\.com: available$/);
    expect(stdout).toContain('Address: VerifiedShippable');
    expect(stdout).toMatch(/Customer [0-9a-f-]{36} created; admin admin@trysandbox[0-9a-f]{8}\.onmicrosoft\.com \(its one-time sign-in secret is deliberately not printed\)/);
    expect(stdout).toMatch(/MCA attestation: confirmed for \d{4}-\d{2}-\d{2}T/);
    expect(lines.filter((line) => line.startsWith('Order '))).toEqual([
      expect.stringContaining('CFQ7TTC0LCHC:0002:CFQ7TTC0K5CM ×10 P1Y'),
      expect.stringContaining('3C4A1E0B-7D2F-4E8A-9B61-0F5D2C8A7E14 ×5'),
    ]);
    expect(stdout).toMatch(/^Sandbox creations of \S+: 1$/m);
    expect(stdout.toLowerCase()).not.toMatch(/password:|"password"/);
  });
});
