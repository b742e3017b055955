import type { HttpBindings } from '@hono/node-server';
import type { TokenKind } from '../sandbox-state.ts';

/** Hono typing for the sandbox: node bindings (absent under `app.request()`) and the caller's token kind. */
export interface SandboxEnv {
  Bindings: Partial<HttpBindings>;
  Variables: { tokenKind: TokenKind };
}
