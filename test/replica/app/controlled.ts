import { h, onRender, scheduleRender } from './dom.ts';

const nativeValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
const nativeChecked = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'checked')!;

/**
 * React's value tracker, reproduced: the element's own `value` setter records what the page
 * (or a naive script) set, and an `input` event whose value equals the recorded one is ignored.
 * Only a value set through the prototype's setter, followed by `input`, reaches the state.
 */
function trackValue(input: HTMLInputElement, property: 'value' | 'checked'): { get(): string; set(value: string): void } {
  const native = property === 'value' ? nativeValue : nativeChecked;
  let tracked = String(native.get!.call(input));
  Object.defineProperty(input, property, {
    configurable: true,
    get() {
      return native.get!.call(this);
    },
    set(value: unknown) {
      tracked = String(property === 'checked' ? Boolean(value) : value);
      native.set!.call(this, value);
    },
  });
  return {
    get: () => tracked,
    set: (value) => {
      tracked = value;
    },
  };
}

export interface ControlledTextOptions {
  get: () => string;
  set: (value: string) => void;
  onBlur?: () => void;
  attributes?: Record<string, string | boolean | undefined>;
}

/** A controlled text input: the state is the truth, re-applied on every render. */
export function controlledText(options: ControlledTextOptions): HTMLInputElement {
  const input = h('input', { type: 'text', autocomplete: 'off', ...options.attributes }) as HTMLInputElement;
  const tracker = trackValue(input, 'value');
  const onInput = (): void => {
    const value = nativeValue.get!.call(input) as string;
    if (value === tracker.get()) return;
    tracker.set(value);
    options.set(value);
    scheduleRender();
  };
  input.addEventListener('input', onInput);
  input.addEventListener('change', onInput);
  input.addEventListener('focusout', () => {
    options.onBlur?.();
    scheduleRender();
  });
  onRender(input, () => {
    const value = options.get();
    if (nativeValue.get!.call(input) !== value) input.value = value;
  });
  input.value = options.get();
  return input;
}

/** A controlled checkbox: clicking toggles the state; a `.checked` set without a click is undone on the next render. */
export function controlledCheckbox(options: { get: () => boolean; set: (checked: boolean) => void; attributes?: Record<string, string | undefined> }): HTMLInputElement {
  const input = h('input', { type: 'checkbox', ...options.attributes }) as HTMLInputElement;
  const tracker = trackValue(input, 'checked');
  input.addEventListener('click', () => {
    const checked = nativeChecked.get!.call(input) as boolean;
    if (String(checked) === tracker.get()) return;
    tracker.set(String(checked));
    options.set(checked);
    scheduleRender();
  });
  onRender(input, () => {
    const checked = options.get();
    if (nativeChecked.get!.call(input) !== checked) input.checked = checked;
  });
  input.checked = options.get();
  return input;
}
