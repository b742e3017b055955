import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PartnerCenterClientOptions } from '../../shared/partner-center/create-partner-center-client.ts';
import { resolveCloud } from '../../shared/partner-center/clouds.ts';
import { createTokenProvider } from '../../shared/partner-center/create-token-provider.ts';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox.ts';
import type { Config } from '../config.ts';

/** The banner shown when no credentials are configured. */
export const SANDBOX_BANNER =
  'No Partner Center credentials configured — running against the built-in sandbox; no real customers are created.';

export interface PartnerCenterSelection {
  mode: 'sandbox' | 'real';
  /** Where and how to reach it; the runtime adds the shared request budget (`pace`). */
  clientOptions: PartnerCenterClientOptions;
  banner: string;
  /** The in-process sandbox's base URL (sandbox mode only). */
  sandboxUrl?: string;
  close(): Promise<void>;
}

/**
 * A sandbox that already runs elsewhere (e.g. `pc-onboard sandbox` in another terminal), reached
 * with a token it accepts as app+user.
 */
export function useRunningSandbox(options: { url: string; token: string; cloud: Config['cloud'] }): PartnerCenterSelection {
  return {
    mode: 'sandbox',
    clientOptions: { cloud: resolveCloud(options.cloud), baseUrl: options.url, getAccessToken: async () => options.token },
    banner: `Partner Center: the sandbox at ${options.url}; no real customers are created.`,
    sandboxUrl: options.url,
    close: async () => {},
  };
}

/**
 * The real Partner Center when credentials are configured (the configured cloud, an app+user
 * token from the refresh token); otherwise the sandbox: the one another pc-onboard process of the
 * same data directory runs (`<dataDir>/sandbox.json`, mode 0600), or a new one in this process on
 * a free port. Germany is refused by `resolveCloud` with a message that says its customers moved
 * to global.
 */
export async function selectPartnerCenter(config: Pick<Config, 'cloud' | 'partnerCenter' | 'dataDir'>): Promise<PartnerCenterSelection> {
  const cloud = resolveCloud(config.cloud);
  if (config.partnerCenter) {
    // App+user from the Secure Application Model refresh token: MCA attestation and indirect-reseller
    // customers need it (docs/contracts/partner-center-api.md §1). MSAL caches and refreshes the access token.
    const { getAccessToken } = createTokenProvider({ cloud, mode: 'app+user', ...config.partnerCenter });
    return {
      mode: 'real',
      clientOptions: { cloud, getAccessToken },
      banner: `Partner Center: ${cloud.apiBaseUrl} (${cloud.name} cloud, partner tenant ${config.partnerCenter.tenantId}).`,
      close: async () => {},
    };
  }
  const sharedFile = join(config.dataDir, 'sandbox.json');
  const shared = await readRunningSandbox(sharedFile);
  if (shared) return { ...useRunningSandbox({ ...shared, cloud: config.cloud }), banner: SANDBOX_BANNER };
  // A random token only processes of this data directory know: the sandbox treats it as app+user.
  const token = randomBytes(24).toString('base64url');
  const sandbox: RunningSandbox = await startSandbox({ testToken: token });
  mkdirSync(config.dataDir, { recursive: true });
  writeFileSync(sharedFile, JSON.stringify({ url: sandbox.url, token }), { mode: 0o600 });
  return {
    mode: 'sandbox',
    clientOptions: { cloud, baseUrl: sandbox.url, getAccessToken: async () => token },
    banner: SANDBOX_BANNER,
    sandboxUrl: sandbox.url,
    close: async () => {
      rmSync(sharedFile, { force: true });
      await sandbox.close();
    },
  };
}

async function readRunningSandbox(file: string): Promise<{ url: string; token: string } | undefined> {
  if (!existsSync(file)) return undefined;
  try {
    const shared = JSON.parse(readFileSync(file, 'utf8')) as { url?: unknown; token?: unknown };
    if (typeof shared.url !== 'string' || typeof shared.token !== 'string') return undefined;
    const answer = await fetch(`${shared.url}/_sandbox/faults`, { signal: AbortSignal.timeout(1000) });
    return answer.ok ? { url: shared.url, token: shared.token } : undefined;
  } catch {
    // A stale file of a process that is gone: start a new sandbox.
    return undefined;
  }
}
