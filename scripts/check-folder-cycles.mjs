// `npm run lint`: fails when production folders import each other in a circle. A folder and its
// own subfolders count as one area (a router and its routes); between other folders, every
// import goes one way, so each folder can be read, tested and moved without the ones above it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript-6';

const ROOT = relative(process.cwd(), join(dirname(new URL(import.meta.url).pathname), '..')) || '.';
const AREAS = ['shared', 'worker', 'extension', 'sandbox'];
const SOURCE = /\.(ts|tsx|mts|mjs)$/;
const TEST = /\.test\.tsx?$/;

/** Production source files below `folder`, as paths relative to the repository. */
function sources(folder) {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name) && !TEST.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

const nested = (a, b) => a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

/** folder → folder → the `file → file` imports that make the edge. */
const edges = new Map();
for (const file of AREAS.flatMap(sources)) {
  const from = dirname(file);
  for (const { fileName } of ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true).importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const target = normalize(join(from, fileName));
    const to = dirname(target);
    if (to === from || nested(from, to)) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    const imports = edges.get(from);
    if (!imports.has(to)) imports.set(to, []);
    imports.get(to).push(`${file} → ${target}`);
  }
}

// Tarjan's strongly connected components: each one of more than one folder is a cycle.
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function visit(folder) {
  index.set(folder, index.size);
  low.set(folder, index.get(folder));
  stack.push(folder);
  onStack.add(folder);
  for (const next of edges.get(folder)?.keys() ?? []) {
    if (!index.has(next)) {
      visit(next);
      low.set(folder, Math.min(low.get(folder), low.get(next)));
    } else if (onStack.has(next)) {
      low.set(folder, Math.min(low.get(folder), index.get(next)));
    }
  }
  if (low.get(folder) !== index.get(folder)) return;
  const component = [];
  let member;
  do {
    member = stack.pop();
    onStack.delete(member);
    component.push(member);
  } while (member !== folder);
  if (component.length > 1) cycles.push(component.sort());
}
for (const folder of edges.keys()) if (!index.has(folder)) visit(folder);

if (cycles.length === 0) {
  console.log(`check-folder-cycles: no cycle between the folders of ${AREAS.join(', ')}.`);
} else {
  for (const cycle of cycles) {
    console.error(`Folders that import each other in a circle: ${cycle.join(', ')}`);
    for (const from of cycle) {
      for (const [to, imports] of edges.get(from) ?? []) {
        if (cycle.includes(to)) for (const line of imports) console.error(`  ${line}`);
      }
    }
  }
  console.error('Move the shared type or constant to the folder it belongs to (or one both use), not behind a re-export.');
  process.exit(1);
}
