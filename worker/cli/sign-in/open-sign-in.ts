import { join } from 'node:path';
import type { Config } from '../../config.ts';
import { createSignInStore, type SignInStore } from '../../auth/sign-in-store.ts';
import { realSignInTarget, sandboxSignInTarget, type SignInTarget } from '../../auth/sign-in-target.ts';
import { resolveCloud, type CloudName } from '../../../shared/partner-center/clouds.ts';
import { readRunningSandbox } from '../../partner-center/select-partner-center.ts';
import { connectRedis, type RedisHandle } from '../../redis/connect-redis.ts';
import { UsageError } from '../usage-error.ts';

export interface SignInFlags {
  cloud?: CloudName;
  tenant?: string;
  clientId?: string;
}

/** The sign-in a CLI command works on, and where it is kept. */
export interface OpenedSignIn {
  target: SignInTarget;
  store: SignInStore;
  /** True when the flags name another tenant/app/cloud than the configuration the worker uses. */
  differsFromConfig: boolean;
  close(): Promise<void>;
}

/**
 * Resolves which sign-in a command means: the flags, else the configured tenant and app (the
 * real Partner Center), else the sandbox the worker uses (`PC_ONBOARD_SANDBOX_URL` or the one
 * `npm start` runs). Keeps it in Redis when one is running (shared with every worker), else in a
 * sealed file in the data directory that the next worker takes over.
 */
export async function openSignIn(config: Readonly<Config>, flags: SignInFlags): Promise<OpenedSignIn> {
  const cloudName = flags.cloud ?? config.cloud;
  const cloud = resolveCloud(cloudName);
  const tenantId = flags.tenant ?? config.partnerCenter?.tenantId;
  const clientId = flags.clientId ?? config.partnerCenter?.clientId;
  let target: SignInTarget;
  if (tenantId && clientId) {
    target = realSignInTarget(cloud.name, tenantId, clientId);
  } else if (tenantId || clientId) {
    throw new UsageError(`Give both the tenant and the app: --tenant <partner tenant id> and --client-id <application id> (or PARTNER_CENTER_TENANT_ID and PARTNER_CENTER_CLIENT_ID). See docs/partner-center-setup.md.`);
  } else {
    const sandboxUrl = config.sharedSandbox?.url ?? (await readRunningSandbox(join(config.dataDir, 'sandbox.json')))?.url;
    if (!sandboxUrl) {
      throw new UsageError(
        'Nothing to sign in to. For the real Partner Center set PARTNER_CENTER_TENANT_ID and PARTNER_CENTER_CLIENT_ID (or pass --tenant and --client-id); ' +
          'docs/partner-center-setup.md shows how to register the app. To try it on the sandbox, start pc-onboard first (npm start).',
      );
    }
    target = sandboxSignInTarget(cloud.name, sandboxUrl);
  }
  const redis: RedisHandle | undefined = await connectRedis(config, { startEmbedded: false }).catch(() => undefined);
  const store = createSignInStore({ target, key: config.secretKey, dataDir: config.dataDir, keyPrefix: config.keyPrefix, ...(redis ? { redis: redis.redis } : {}) });
  const configured = config.partnerCenter;
  const differsFromConfig = !target.sandbox && (!configured || configured.tenantId !== target.tenantId || configured.clientId !== target.clientId || config.cloud !== target.cloud);
  return { target, store, differsFromConfig, close: async () => redis?.close() };
}
