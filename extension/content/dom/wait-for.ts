import { shadowRootsDeep } from './walk-deep.ts';

export type WaitResult<T> = { ok: true; value: T } | { ok: false; reason: 'timeout' | 'aborted' };

export interface WaitForOptions {
  signal: AbortSignal;
  timeoutMs: number;
  /** Where to watch for changes; defaults to the whole document, open shadow roots included. */
  root?: Document;
}

/**
 * Resolves with the first non-null result of `check`, checked now and after every DOM change
 * (MutationObserver on the document and every open shadow root), or a typed timeout.
 * Conditions, never fixed delays.
 */
export function waitFor<T>(check: () => T | null | undefined, options: WaitForOptions): Promise<WaitResult<T>> {
  const initial = check();
  if (initial != null) return Promise.resolve({ ok: true, value: initial });
  if (options.signal.aborted) return Promise.resolve({ ok: false, reason: 'aborted' });
  const document = options.root ?? globalThis.document;
  const window = document.defaultView ?? globalThis;

  return new Promise((resolve) => {
    const observed = new Set<Node>();
    const observer = new MutationObserver(() => {
      const value = check();
      if (value != null) return finish({ ok: true, value });
      observeShadowRoots();
    });
    const timer = window.setTimeout(() => finish({ ok: false, reason: 'timeout' }), options.timeoutMs);
    const onAbort = (): void => finish({ ok: false, reason: 'aborted' });
    options.signal.addEventListener('abort', onAbort, { once: true });

    function observe(node: Node): void {
      if (observed.has(node)) return;
      observed.add(node);
      observer.observe(node, { childList: true, subtree: true, attributes: true, characterData: true });
    }
    function observeShadowRoots(): void {
      for (const shadowRoot of shadowRootsDeep(document)) observe(shadowRoot);
    }
    function finish(result: WaitResult<T>): void {
      observer.disconnect();
      window.clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      resolve(result);
    }

    observe(document);
    observeShadowRoots();
  });
}

/**
 * Resolves once the page has had no DOM change for `quietMs` and nothing is `aria-busy` (or after
 * `maxMs`), so that validation shown after a blur — or after an availability check that marks
 * its field busy while it waits for the server — is in place before it is read.
 */
export async function waitForQuiet(options: { signal: AbortSignal; quietMs: number; maxMs: number; root?: Document }): Promise<void> {
  const document = options.root ?? globalThis.document;
  const window = document.defaultView ?? globalThis;
  const started = Date.now();
  let lastChange = Date.now();
  const observer = new MutationObserver(() => {
    lastChange = Date.now();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  for (const shadowRoot of shadowRootsDeep(document)) observer.observe(shadowRoot, { childList: true, subtree: true, attributes: true });
  try {
    const isBusy = (): boolean => isBusyDeep(document);
    while (!options.signal.aborted && Date.now() - started < options.maxMs && (Date.now() - lastChange < options.quietMs || isBusy())) {
      await new Promise((resolve) => window.setTimeout(resolve, Math.max(5, options.quietMs - (Date.now() - lastChange))));
    }
  } finally {
    observer.disconnect();
  }
}

export type SettleResult<T> = { ok: true; value: T } | { ok: false; reason: 'settled' | 'timeout' | 'aborted' };

/**
 * Resolves with the first non-null result of `check` (checked now and after every DOM change), or
 * — without one — as soon as the page has been still for `quietMs` with nothing `aria-busy`: a list
 * that has finished rendering is complete, so a row it does not show is not coming. `maxMs` caps a
 * page that never stops changing.
 */
export function waitUntilSettled<T>(check: () => T | null | undefined, options: WaitForOptions & { quietMs: number }): Promise<SettleResult<T>> {
  const initial = check();
  if (initial != null) return Promise.resolve({ ok: true, value: initial });
  if (options.signal.aborted) return Promise.resolve({ ok: false, reason: 'aborted' });
  const document = options.root ?? globalThis.document;
  const window = document.defaultView ?? globalThis;
  const isBusy = (): boolean => isBusyDeep(document);

  return new Promise((resolve) => {
    const observed = new Set<Node>();
    let quietTimer: ReturnType<typeof window.setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      const value = check();
      if (value != null) return finish({ ok: true, value });
      for (const shadowRoot of shadowRootsDeep(document)) observe(shadowRoot);
      armQuietTimer();
    });
    const maxTimer = window.setTimeout(() => finish({ ok: false, reason: 'timeout' }), options.timeoutMs);
    const onAbort = (): void => finish({ ok: false, reason: 'aborted' });
    options.signal.addEventListener('abort', onAbort, { once: true });

    function armQuietTimer(): void {
      window.clearTimeout(quietTimer);
      quietTimer = window.setTimeout(() => (isBusy() ? armQuietTimer() : finish({ ok: false, reason: 'settled' })), options.quietMs);
    }
    function observe(node: Node): void {
      if (observed.has(node)) return;
      observed.add(node);
      observer.observe(node, { childList: true, subtree: true, attributes: true, characterData: true });
    }
    function finish(result: SettleResult<T>): void {
      observer.disconnect();
      window.clearTimeout(maxTimer);
      window.clearTimeout(quietTimer);
      options.signal.removeEventListener('abort', onAbort);
      resolve(result);
    }

    observe(document);
    for (const shadowRoot of shadowRootsDeep(document)) observe(shadowRoot);
    armQuietTimer();
  });
}

/** Whether anything in the document or its open shadow roots is `aria-busy`: one query per tree, as this is asked every few milliseconds. */
function isBusyDeep(document: Document): boolean {
  return [document, ...shadowRootsDeep(document)].some((tree) => tree.querySelector('[aria-busy=true]') !== null);
}
