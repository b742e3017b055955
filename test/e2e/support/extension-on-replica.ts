import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type LaunchedExtension } from './launch-extension.ts';
import { routeReplica, type ReplicaBackend } from './replica-routing.ts';

export interface ExtensionOnReplica {
  launched: LaunchedExtension;
  backend: ReplicaBackend;
}

/**
 * For a test file: real Chromium with the built extension, the dashboard URL routed to the wizard
 * replica over a fresh sandbox; started before the file's tests and closed after them.
 */
export function useExtensionOnReplica(): ExtensionOnReplica {
  const setUp = {} as ExtensionOnReplica;
  beforeAll(async () => {
    setUp.launched = await launchWithExtension();
    setUp.backend = await routeReplica(setUp.launched.context);
  }, 120_000);
  afterAll(async () => {
    await setUp.launched?.close();
    await setUp.backend?.close();
  });
  return setUp;
}
