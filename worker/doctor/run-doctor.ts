import { join } from 'node:path';
import { resolveCloud } from '../../shared/partner-center/clouds.ts';
import { createSignInStore } from '../auth/sign-in-store.ts';
import { realSignInTarget, sandboxSignInTarget, type SignInTarget } from '../auth/sign-in-target.ts';
import type { Config } from '../config.ts';
import { isConfigError } from '../errors/config-error.ts';
import { connectSignedIn } from '../partner-center/connect-signed-in.ts';
import { createPartnerCenterClient, type PartnerCenterClient } from '../../shared/partner-center/create-partner-center-client.ts';
import { readRunningSandbox, useRunningSandbox } from '../partner-center/select-partner-center.ts';
import { connectRedis, type RedisHandle } from '../redis/connect-redis.ts';
import { checkApi } from './check-api.ts';
import { checkRedis } from './check-redis.ts';
import { checkReadCall, checkSignIn } from './check-sign-in.ts';
import type { DoctorCheck } from './doctor-check.ts';

/** Partner Center's documented budget per partner tenant (docs/contracts/partner-center.md §0.3). */
const PARTNER_CENTER_RATE_LIMIT = 500;

/**
 * Every check of `pc-onboard doctor`, in the order a person fixes them. Reads only: starts no
 * Redis, no sandbox, no server (it looks for the ones `npm start` runs).
 */
export async function runDoctor(loadConfig: () => Readonly<Config>): Promise<DoctorCheck[]> {
  let config: Readonly<Config>;
  try {
    config = loadConfig();
  } catch (error) {
    if (!isConfigError(error)) throw error;
    const name = error.variable === 'PC_ONBOARD_SECRET_KEY' ? 'Secret key set' : error.variable === 'PC_ONBOARD_CLOUD' ? 'Cloud' : 'Configuration';
    return [{ name, ok: false, detail: error.message, fix: `fix ${error.variable} (docs/configuration.md), then run pc-onboard doctor again.` }];
  }
  const redis: RedisHandle | undefined = await connectRedis(config, { startEmbedded: false }).catch(() => undefined);
  try {
    const checks: DoctorCheck[] = [await checkRedis(config, redis?.redis, redis?.url)];
    checks.push(
      config.secretKeyGenerated
        ? {
            name: 'Secret key set',
            ok: false,
            detail: `none was set: one was just generated into ${join(config.dataDir, 'secret-key')}`,
            fix: 'every worker sharing this Redis needs the same key: set PC_ONBOARD_SECRET_KEY to it everywhere (or keep this data directory); on one machine, run pc-onboard doctor again.',
          }
        : { name: 'Secret key set', ok: true, detail: 'AES-256 key present (encrypts admin passwords and the sign-in)' },
    );
    const cloud = resolveCloud(config.cloud);
    const sandbox = config.partnerCenter ? undefined : (config.sharedSandbox ?? (await readRunningSandbox(join(config.dataDir, 'sandbox.json'))));
    checks.push({
      name: 'Cloud',
      ok: true,
      detail: config.partnerCenter
        ? `${cloud.name}: API ${cloud.apiBaseUrl}, sign-in ${cloud.authorityHost}, partner tenant ${config.partnerCenter.tenantId}`
        : `${cloud.name}, on the sandbox${sandbox ? ` at ${sandbox.url}` : ''}: no real customers are created (set PARTNER_CENTER_TENANT_ID and PARTNER_CENTER_CLIENT_ID for the real Partner Center)`,
    });

    const deps = { dataDir: config.dataDir, keyPrefix: config.keyPrefix, secretKey: config.secretKey, ...(redis ? { redis: redis.redis } : {}) };
    let target: SignInTarget | undefined;
    let client: PartnerCenterClient | undefined;
    if (config.partnerCenter) {
      const { tenantId, clientId, clientSecret, refreshToken } = config.partnerCenter;
      target = realSignInTarget(cloud.name, tenantId, clientId);
      client = createPartnerCenterClient(connectSignedIn(cloud, target, { ...(clientSecret ? { clientSecret } : {}), ...(refreshToken ? { refreshToken } : {}) }, deps).clientOptions);
    } else if (sandbox) {
      target = sandboxSignInTarget(cloud.name, sandbox.url);
      client = createPartnerCenterClient(useRunningSandbox({ ...sandbox, cloud: cloud.name }, deps).clientOptions);
    }
    if (target) {
      const store = createSignInStore({ target, key: config.secretKey, dataDir: config.dataDir, keyPrefix: config.keyPrefix, ...(redis ? { redis: redis.redis } : {}) });
      checks.push(await checkSignIn(target, store, config.partnerCenter?.refreshToken !== undefined));
    } else {
      checks.push({ name: 'Signed in to Partner Center', ok: true, detail: 'not needed on the sandbox' });
    }
    checks.push(await checkReadCall(client, target ? (target.sandbox ? `the sandbox at ${target.apiBaseUrl}` : target.apiBaseUrl) : 'the sandbox runs only while pc-onboard runs'));
    const budget = config.rateLimitPerMinute;
    checks.push(
      budget > PARTNER_CENTER_RATE_LIMIT && config.partnerCenter
        ? { name: 'Rate budget', ok: false, detail: `${budget} requests/minute, above the ${PARTNER_CENTER_RATE_LIMIT} Partner Center allows per partner: expect 429 pauses`, fix: `set PC_ONBOARD_RATE_LIMIT_PER_MINUTE=${PARTNER_CENTER_RATE_LIMIT} or less` }
        : { name: 'Rate budget', ok: true, detail: `${budget} Partner Center requests/minute for all workers together (Partner Center allows ${PARTNER_CENTER_RATE_LIMIT} per partner); ${config.concurrency} rows at a time per worker` },
    );
    checks.push(await checkApi(config));
    return checks;
  } finally {
    await redis?.close();
  }
}
