// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupUiTest } from '../../../test/support/ui/setup-ui-test.ts';
import { lazyComponent } from './lazy-component.tsx';

beforeEach(() => setupUiTest('en'));
afterEach(cleanup);

describe('lazyComponent', () => {
  it('should say it is loading, then show the loaded component with its props, loading it once', async () => {
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const Greeting = lazyComponent(async () => {
      loads++;
      await gate;
      return ({ name }: { name: string }) => <p>Hello {name}</p>;
    });
    render(<><Greeting name="Ana" /><Greeting name="Bo" /></>);
    expect(screen.getAllByRole('status').map((status) => status.textContent)).toEqual(['Loading…', 'Loading…']);
    release();
    expect(await screen.findByText('Hello Ana')).toBeTruthy();
    expect(await screen.findByText('Hello Bo')).toBeTruthy();
    expect(loads).toBe(1);
  });

  it('should say what to do when the code cannot be loaded', async () => {
    const Broken = lazyComponent<object>(() => Promise.reject(new Error('chunk missing')));
    render(<Broken />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be loaded.*reopen the side panel/);
  });
});
