import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderConfigurationTable } from './render-configuration-table.ts';

describe('docs/configuration.md', () => {
  it('should hold the current table of every configuration variable', () => {
    const docs = readFileSync(new URL('../docs/configuration.md', import.meta.url), 'utf8');
    expect(docs).toContain(renderConfigurationTable());
  });

  it('should name every variable that config.ts reads from the environment', () => {
    const source = readFileSync(new URL('./config.ts', import.meta.url), 'utf8');
    const schemaNames = [...source.matchAll(/^ {2}([A-Z][A-Z_]+): /gm)].map((match) => match[1]);
    expect(schemaNames.length).toBeGreaterThan(15);
    for (const name of schemaNames) expect(renderConfigurationTable()).toContain(`\`${name}\``);
  });
});
