// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { waitFor, waitForQuiet } from './wait-for.ts';

const signal = new AbortController().signal;

describe('waitFor', () => {
  it('should resolve when an element appears inside an open shadow root', async () => {
    document.body.innerHTML = '<div id="host"></div>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    setTimeout(() => root.append(Object.assign(document.createElement('input'), { id: 'late' })), 20);
    const found = await waitFor(() => root.getElementById('late'), { signal, timeoutMs: 1000 });
    expect(found.ok && found.value.id).toBe('late');
  });

  it('should report a timeout as data', async () => {
    document.body.innerHTML = '';
    await expect(waitFor(() => document.getElementById('never'), { signal, timeoutMs: 30 })).resolves.toEqual({ ok: false, reason: 'timeout' });
  });
});

describe('waitForQuiet', () => {
  it('should wait while a field is aria-busy, even with no other change', async () => {
    document.body.innerHTML = '<input id="domain" aria-busy="true">';
    setTimeout(() => document.getElementById('domain')!.setAttribute('aria-busy', 'false'), 200);
    const started = Date.now();
    await waitForQuiet({ signal, quietMs: 20, maxMs: 2000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
