import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PartnerCenterClientOptions } from '../../shared/partner-center/create-partner-center-client.ts';
import { resolveCloud } from '../../shared/partner-center/clouds.ts';
import { startSandboxOnFirstRequest } from '../../sandbox/start-sandbox-on-first-request.ts';
import type { Config } from '../config.ts';
import type { SignInStore } from '../auth/sign-in-store.ts';
import { realSignInTarget, sandboxSignInTarget, type SignInTarget } from '../auth/sign-in-target.ts';
import { connectSignedIn, type SignInDeps } from './connect-signed-in.ts';

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
  /** The shared sign-in the calls use (on the sandbox: once somebody signed in to it). */
  signIn?: { target: SignInTarget; store: SignInStore };
  close(): Promise<void>;
}

/**
 * A sandbox that already runs elsewhere (e.g. `pc-onboard sandbox` in another terminal), reached
 * with a token it accepts as app+user.
 */
export function useRunningSandbox(options: { url: string; token: string; cloud: Config['cloud'] }, signIn?: SignInDeps): PartnerCenterSelection {
  const cloud = resolveCloud(options.cloud);
  const connected = connectSignedIn(cloud, sandboxSignInTarget(cloud.name, options.url), { fallbackToken: options.token }, signIn);
  return {
    mode: 'sandbox',
    clientOptions: connected.clientOptions,
    banner: `Partner Center: the sandbox at ${options.url}; no real customers are created.`,
    sandboxUrl: options.url,
    signIn: connected.signIn,
    close: async () => {},
  };
}

/**
 * The real Partner Center when the tenant and app are configured (the configured cloud, app+user
 * tokens from the shared sign-in); otherwise the sandbox: the one another pc-onboard process of the
 * same data directory runs (`<dataDir>/sandbox.json`, mode 0600), or a new one in this process on
 * a free port. Germany is refused by `resolveCloud` with a message that says its customers moved
 * to global.
 */
export async function selectPartnerCenter(config: Pick<Config, 'cloud' | 'partnerCenter' | 'dataDir' | 'sandboxLoseAnswers'>, signIn?: SignInDeps): Promise<PartnerCenterSelection> {
  const cloud = resolveCloud(config.cloud);
  if (config.partnerCenter) {
    // App+user from the person's sign-in (`pc-onboard login`, or a configured Secure Application
    // Model refresh token): MCA attestation and indirect-reseller customers need it
    // (docs/contracts/partner-center.md §1, §0.18). MSAL caches, refreshes and rotates the tokens.
    const { tenantId, clientId, clientSecret, refreshToken } = config.partnerCenter;
    const target = realSignInTarget(cloud.name, tenantId, clientId);
    const connected = connectSignedIn(cloud, target, { ...(clientSecret ? { clientSecret } : {}), ...(refreshToken ? { refreshToken } : {}) }, signIn ?? { dataDir: config.dataDir });
    return {
      mode: 'real',
      clientOptions: connected.clientOptions,
      banner: `Partner Center: ${cloud.apiBaseUrl} (${cloud.name} cloud, partner tenant ${tenantId}); signed in with pc-onboard login (pc-onboard whoami shows who).`,
      signIn: connected.signIn,
      close: async () => {},
    };
  }
  const sharedFile = join(config.dataDir, 'sandbox.json');
  const shared = await readRunningSandbox(sharedFile);
  if (shared) return { ...useRunningSandbox({ ...shared, cloud: config.cloud }, signIn), banner: SANDBOX_BANNER };
  // A random token only processes of this data directory know: the sandbox treats it as app+user.
  const token = randomBytes(24).toString('base64url');
  const sandbox = await startSandboxOnFirstRequest({ testToken: token, ...(config.sandboxLoseAnswers ? { loseAnswers: config.sandboxLoseAnswers } : {}) });
  mkdirSync(config.dataDir, { recursive: true });
  writeFileSync(sharedFile, JSON.stringify({ url: sandbox.url, token }), { mode: 0o600 });
  const connected = connectSignedIn(cloud, sandboxSignInTarget(cloud.name, sandbox.url), { fallbackToken: token }, signIn);
  return {
    mode: 'sandbox',
    clientOptions: connected.clientOptions,
    banner: SANDBOX_BANNER,
    sandboxUrl: sandbox.url,
    signIn: connected.signIn,
    close: async () => {
      rmSync(sharedFile, { force: true });
      await sandbox.close();
    },
  };
}

/** The sandbox another pc-onboard process of this data directory runs (`<dataDir>/sandbox.json`), if it answers. */
export async function readRunningSandbox(file: string): Promise<{ url: string; token: string } | undefined> {
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
