import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

/** The repository root and the Chrome build that `npx wxt build` writes. */
export const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');

/** The system's Chromium (Debian's by default): playwright-core downloads no browser. */
export function findChromium(): string {
  const path = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => existsSync(candidate));
  if (!path) throw new Error('Chromium is missing: run `apt-get install -y chromium` (the .ci/run script does it), then rerun the e2e tests.');
  return path;
}

export interface LaunchedExtension {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * Launches real Chromium (headless) with the built extension loaded, in a throwaway profile.
 * Builds the extension first when `.output/chrome-mv3` is missing (`npm test` builds it anyway).
 */
export async function launchWithExtension(): Promise<LaunchedExtension> {
  const executablePath = findChromium();
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const profile = mkdtempSync(join(tmpdir(), 'pco-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  let [serviceWorker] = context.serviceWorkers();
  serviceWorker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    serviceWorker,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
