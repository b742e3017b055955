import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../test/e2e/support/launch-extension.ts';

function gzipSize(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** What the side panel may weigh as it opens. */
export const SIDE_PANEL_GOAL_BYTES = 80 * 1024;

/** Files a chunk loads: static `from"./x.js"`, dynamic `import(`./x.js`)` and Vite's preload list. */
function chunkReferences(code: string): string[] {
  const names = [...code.matchAll(/(?:from\s*"|import\(\s*[`"'])\.\/([^`"']+\.js)/g)].map((match) => `chunks/${match[1]}`);
  const preload = [...code.matchAll(/"((?:chunks|assets)\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
  return [...names, ...preload];
}

/**
 * gzip -9 bytes of the content script; of the side panel as it opens (sidepanel.html and every
 * script and style it loads, the size goal); and of every file the side panel can load later
 * (tabs and readers loaded on first use), so splitting cannot hide growth.
 */
export function bundleSizes(): { contentScript: number; sidePanel: number; sidePanelFiles: string[]; sidePanelAll: number; sidePanelAllFiles: string[] } {
  const contentScript = gzipSize(join(EXTENSION_DIR, 'content-scripts', 'partner.js'));
  const html = readFileSync(join(EXTENSION_DIR, 'sidepanel.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
  const sizeOf = (list: string[]) => gzipSize(join(EXTENSION_DIR, 'sidepanel.html')) + list.reduce((total, file) => total + gzipSize(join(EXTENSION_DIR, file)), 0);
  const reachable = new Set(files);
  for (const file of reachable) if (file.endsWith('.js')) for (const next of chunkReferences(readFileSync(join(EXTENSION_DIR, file), 'utf8'))) reachable.add(next);
  return { contentScript, sidePanel: sizeOf(files), sidePanelFiles: files, sidePanelAll: sizeOf([...reachable]), sidePanelAllFiles: [...reachable] };
}
