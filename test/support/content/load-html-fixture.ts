import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'html');

/**
 * Puts a saved HTML fixture (test/fixtures/html) into the happy-dom document. Declarative shadow
 * roots (`<template shadowrootmode="open">`) become real open shadow roots, nested ones included,
 * since `innerHTML` does not attach them.
 */
export function loadHtmlFixture(name: string, document: Document = globalThis.document): void {
  document.body.innerHTML = readFileSync(join(FIXTURES, name), 'utf8');
  attachDeclarativeShadowRoots(document.body);
}

function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of [...root.querySelectorAll('template[shadowrootmode]')]) {
    if (!(template as HTMLTemplateElement).isConnected) continue;
    const host = template.parentElement!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append((template as HTMLTemplateElement).content.cloneNode(true));
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}
