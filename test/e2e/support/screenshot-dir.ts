import { join } from 'node:path';
import { ROOT } from './launch-extension.ts';

/**
 * Where the e2e tests save their screenshots: `test-results/screenshots` (ignored by git) on a
 * normal run, so `npm test` leaves the tree clean; `docs/screenshots` — the pictures the README
 * shows — when run with `UPDATE_SCREENSHOTS=1` (`npm run screenshots`).
 */
export const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS === '1'
  ? join(ROOT, 'docs', 'screenshots')
  : join(ROOT, 'test-results', 'screenshots');
