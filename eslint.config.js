// @ts-check
import { createRequire, Module } from 'node:module';

// typescript-eslint parses with TypeScript's JavaScript API, which TypeScript 7 (the project's
// compiler, `tsc`) no longer ships. Its packages get TypeScript 6 (`typescript-6`) instead: only
// their `typescript` imports are redirected, everything else keeps resolving as usual.
const typescript6 = createRequire(import.meta.url).resolve('typescript-6');
const moduleInternals = /** @type {{ _resolveFilename: (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string }} */ (
  /** @type {unknown} */ (Module)
);
const resolveFilename = moduleInternals._resolveFilename;
moduleInternals._resolveFilename = function (request, parent, ...rest) {
  if (request === 'typescript' && /[\\/]node_modules[\\/](@typescript-eslint|typescript-eslint|ts-api-utils|@vitest[\\/]eslint-plugin)[\\/]/.test(parent?.filename ?? '')) {
    return typescript6;
  }
  return resolveFilename.call(this, request, parent, ...rest);
};

const { default: js } = await import('@eslint/js');
const { default: tseslint } = await import('typescript-eslint');
const { default: vitest } = await import('@vitest/eslint-plugin');

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', '.data/', 'bench/results/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly' } },
    rules: {
      // The compiler checks these (noUnusedLocals is off: unused names are caught here instead).
      'no-undef': 'off',
      // A `let` read by a closure before its one assignment cannot be a `const`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests and benchmarks read untyped JSON answers and browser globals inside page.evaluate().
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { vitest },
    rules: {
      'vitest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', '*.expect*', 'assert*', 'fc.assert'] }],
      'vitest/no-disabled-tests': 'error',
      'vitest/valid-expect': ['error', { maxArgs: 2 }],
    },
  },
);
