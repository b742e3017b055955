// Runs before `npm start` and `npm test` on whatever Node the machine has (plain JS on purpose):
// on a fresh clone it installs the dependencies first, so the Quick start is two commands.
// The project's own Node 24 (the `node` dev dependency) runs everything after that.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const projectNode = new URL('../node_modules/.bin/node', import.meta.url);
if (!existsSync(projectNode)) {
  console.error('pc-onboard: first run — installing dependencies (npm install)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('pc-onboard: `npm install` failed; fix the error above, then run the command again.');
    process.exit(result.status ?? 1);
  }
}
