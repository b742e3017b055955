/** A tiny element builder and a batched render loop, standing in for React in the replica. */

type Child = Node | string | null | undefined | false;
type Props = Record<string, string | number | boolean | null | undefined | EventListener>;

/** Creates an element: `on*` props become listeners, `true` becomes an empty attribute, null/false are left out. */
export function h(tag: string, props: Props = {}, ...children: (Child | Child[])[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

const renderers = new Set<() => void>();
let scheduled = false;

/** Registers a function that brings a part of the page in line with the state; dropped when its element leaves. */
export function onRender(element: Element, render: () => void): void {
  const wrapped = (): void => {
    if (!element.isConnected) {
      renderers.delete(wrapped);
      return;
    }
    render();
  };
  renderers.add(wrapped);
}

/** Re-renders on the next microtask, as a state setter in React schedules a render. */
export function scheduleRender(): void {
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    // Parts mounted during this pass render in it too, as React renders new children at once.
    const done = new Set<() => void>();
    for (let pending = [...renderers]; pending.length > 0; pending = [...renderers].filter((render) => !done.has(render))) {
      for (const render of pending) {
        done.add(render);
        render();
      }
    }
  });
}

let nextId = 0;
/** A page-unique id (the filler must never depend on these). */
export function uid(prefix: string): string {
  nextId++;
  return `${prefix}-${nextId.toString(36)}`;
}
