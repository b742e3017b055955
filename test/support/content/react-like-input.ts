/**
 * Gives an input React's value tracking, for filler tests: the element's own `value` setter
 * records the value, and an `input` event whose value equals the recorded one is ignored, so
 * only a native-setter write followed by `input` reaches `state.value`.
 */
export function makeReactLike(input: HTMLInputElement): { value: string; changes: number } {
  const state = { value: input.value, changes: 0 };
  const native = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!;
  let tracked = input.value;
  Object.defineProperty(input, 'value', {
    configurable: true,
    get: () => native.get!.call(input),
    set: (value: string) => {
      tracked = value;
      native.set!.call(input, value);
    },
  });
  input.addEventListener('input', () => {
    const current = native.get!.call(input) as string;
    if (current === tracked) return;
    tracked = current;
    state.value = current;
    state.changes++;
  });
  return state;
}
