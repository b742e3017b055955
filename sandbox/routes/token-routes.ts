import { Buffer } from 'node:buffer';
import { Hono } from 'hono';
import type { SandboxState } from '../sandbox-state.ts';
import { issueToken } from '../sandbox-state.ts';
import type { SandboxEnv } from '../internal/sandbox-env.ts';
import { errorBody, replyError } from '../internal/error-body.ts';
import { createSignInGrants, DEVICE_CODE_INTERVAL_SECONDS, DEVICE_CODE_LIFETIME_SECONDS, type SignInGrants } from '../internal/sign-in-grants.ts';

const EXPIRES_IN_SECONDS = 3600;
/** The one signed-in partner admin the sandbox knows: every app+user token stands for this user. */
export const SANDBOX_USER_ID = '9b2f6c1d-3e4a-4f5b-8c7d-0e1f2a3b4c5d';

/** An unsigned JWT: MSAL reads the claims of an id token, the sandbox has no keys to sign with. */
function unsignedIdToken(claims: { iss: string; aud: string; tid: string; now: number }): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = {
    ver: '2.0',
    iss: claims.iss,
    aud: claims.aud,
    tid: claims.tid,
    oid: SANDBOX_USER_ID,
    sub: SANDBOX_USER_ID,
    preferred_username: 'admin@sandboxpartner.onmicrosoft.com',
    name: 'Sandbox partner admin',
    iat: claims.now,
    nbf: claims.now,
    exp: claims.now + EXPIRES_IN_SECONDS,
  };
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
}

const DEVICE_CODE_GRANTS = new Set(['urn:ietf:params:oauth:grant-type:device_code', 'device_code']);

/**
 * The sandbox as sign-in authority (docs/contracts/partner-center.md §0.12, §0.18): the v1 and v2.0 token
 * endpoints accept any client id and secret. `client_credentials` gives an app-only token;
 * `refresh_token`, `authorization_code` (any code) and an approved device code give app+user
 * tokens and a refresh token. Each refresh token is good for one refresh (rotation), and
 * `POST /_sandbox/tokens/revoke` makes every refresh answer `invalid_grant`. Also serves the
 * device-code endpoint, its approval page for tests and demos, and the OpenID configuration.
 */
export function createTokenRoutes(state: SandboxState) {
  const routes = new Hono<SandboxEnv>();
  const grants = createSignInGrants(state);
  const tokenHandler = (version: 'v1' | 'v2') => async (c: import('hono').Context<SandboxEnv>) => {
    const form = await c.req.parseBody();
    const grantType = String(form.grant_type ?? '');
    if (!form.client_id) return oauthError(c, 'invalid_request', 'client_id is required.');
    if (version === 'v1' && !form.resource) return oauthError(c, 'invalid_request', 'resource is required on the v1 token endpoint.');
    if (version === 'v2' && !form.scope) return oauthError(c, 'invalid_request', 'scope is required on the v2.0 token endpoint.');
    let kind: 'app-only' | 'app+user';
    if (grantType === 'client_credentials') {
      kind = 'app-only';
    } else if (grantType === 'refresh_token' && form.refresh_token) {
      if (!grants.redeemRefreshToken(String(form.refresh_token))) {
        return oauthError(c, 'invalid_grant', 'AADSTS70000: The refresh token was revoked, has expired or was already used. The user must sign in again.');
      }
      kind = 'app+user';
    } else if (grantType === 'authorization_code' && form.code) {
      kind = 'app+user';
    } else if (DEVICE_CODE_GRANTS.has(grantType) && form.device_code) {
      const refused = deviceCodeRefusal(grants, String(form.device_code));
      if (refused) return oauthError(c, refused.error, refused.description);
      kind = 'app+user';
    } else {
      return oauthError(c, 'unsupported_grant_type', `grant_type must be client_credentials, refresh_token (with refresh_token), authorization_code (with code) or device_code (with device_code); got "${grantType}".`);
    }
    const accessToken = issueToken(state, kind);
    if (kind === 'app+user') grants.rememberUserAccessToken(accessToken);
    const now = Math.floor(Date.now() / 1000);
    const answer: Record<string, unknown> = {
      token_type: 'Bearer',
      access_token: accessToken,
      expires_in: EXPIRES_IN_SECONDS,
      ext_expires_in: EXPIRES_IN_SECONDS,
    };
    if (version === 'v1') {
      answer.resource = form.resource;
      answer.expires_on = String(now + EXPIRES_IN_SECONDS);
      answer.not_before = String(now);
    } else {
      answer.scope = String(form.scope);
    }
    if (kind === 'app+user') {
      answer.refresh_token = grants.issueRefreshToken();
      // Like Entra ID: an id token for the openid scope and client_info when asked (MSAL asks for
      // both and builds its cached account from them).
      const base = new URL(c.req.url).origin;
      const tenant = c.req.param('tenant') ?? 'common';
      if (version === 'v2' && String(form.scope).split(' ').includes('openid')) {
        answer.id_token = unsignedIdToken({ iss: `${base}/${tenant}/v2.0`, aud: String(form.client_id), tid: state.partnerTenantId, now });
      }
      if (form.client_info === '1') {
        answer.client_info = Buffer.from(JSON.stringify({ uid: SANDBOX_USER_ID, utid: state.partnerTenantId })).toString('base64url');
      }
    }
    return c.json(answer);
  };
  routes.post('/:tenant/oauth2/token', tokenHandler('v1'));
  routes.post('/:tenant/oauth2/v2.0/token', tokenHandler('v2'));
  routes.post('/:tenant/oauth2/v2.0/devicecode', async (c) => {
    const form = await c.req.parseBody();
    if (!form.client_id) return oauthError(c, 'invalid_request', 'client_id is required.');
    if (!form.scope) return oauthError(c, 'invalid_request', 'scope is required.');
    const grant = grants.startDeviceCode();
    const verificationUri = `${new URL(c.req.url).origin}/_sandbox/device`;
    return c.json({
      device_code: grant.deviceCode,
      user_code: grant.userCode,
      verification_uri: verificationUri,
      expires_in: DEVICE_CODE_LIFETIME_SECONDS,
      interval: DEVICE_CODE_INTERVAL_SECONDS,
      message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${grant.userCode} to authenticate.`,
    });
  });
  // What the person does in the browser; a test calls it with JSON, the page below with a form.
  for (const decision of ['approve', 'decline'] as const) {
    routes.post(`/_sandbox/device/${decision}`, async (c) => {
      const userCode = await readUserCode(c);
      const grant = userCode ? grants.decide(userCode, decision === 'approve' ? 'approved' : 'declined') : undefined;
      if (!grant) return replyError(c, 404, 'NotFound', `No pending device code has the user code "${userCode ?? ''}" (wrong, expired or already used).`);
      return c.json({ user_code: grant.userCode, status: grant.status });
    });
  }
  routes.get('/_sandbox/device', (c) => c.html(DEVICE_PAGE));
  routes.post('/_sandbox/tokens/revoke', (c) => c.json({ revoked: grants.revokeAll() }));
  routes.get('/:tenant/v2.0/.well-known/openid-configuration', (c) => {
    const base = new URL(c.req.url).origin;
    const tenant = c.req.param('tenant');
    return c.json({
      issuer: `${base}/${tenant}/v2.0`,
      token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
      authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
      jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
      response_types_supported: ['code'],
      device_authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/devicecode`,
      grant_types_supported: ['client_credentials', 'refresh_token', 'authorization_code', 'urn:ietf:params:oauth:grant-type:device_code'],
    });
  });
  return routes;
}

/**
 * A refused token request: OAuth's `error`/`error_description` (what MSAL reads) plus the §10
 * fields, so the sandbox's every non-429 error also has `{code, description, data, source}` (§0.13).
 */
function oauthError(c: import('hono').Context<SandboxEnv>, error: string, description: string) {
  return c.json({ error, error_description: description, ...errorBody(error, description) }, 400);
}

/** Why a device code cannot be redeemed (yet), in OAuth's words (RFC 8628 §3.5); undefined when it can. */
function deviceCodeRefusal(grants: SignInGrants, deviceCode: string): { error: string; description: string } | undefined {
  const grant = grants.findDevice(deviceCode);
  if (!grant || grant.status === 'redeemed') return { error: 'invalid_grant', description: 'AADSTS70000: The device code is unknown or was already used.' };
  if (grant.expiresAt <= Date.now()) return { error: 'expired_token', description: 'AADSTS70020: The device code expired; start the sign-in again.' };
  if (grant.status === 'declined') return { error: 'authorization_declined', description: 'AADSTS70000: The person declined the sign-in request.' };
  if (grant.status === 'pending') return { error: 'authorization_pending', description: 'AADSTS70016: The person has not finished signing in yet.' };
  grant.status = 'redeemed';
  return undefined;
}

async function readUserCode(c: import('hono').Context<SandboxEnv>): Promise<string | undefined> {
  const type = c.req.header('Content-Type') ?? '';
  const body = type.includes('application/json')
    ? ((await c.req.json().catch(() => ({}))) as Record<string, unknown>)
    : ((await c.req.parseBody().catch(() => ({}))) as Record<string, unknown>);
  return typeof body.user_code === 'string' && body.user_code.trim() !== '' ? body.user_code : undefined;
}

/** The "person in the browser" of the device-code flow: enter the code, approve or decline. */
const DEVICE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sandbox sign-in</title></head>
<body style="font-family: sans-serif; max-width: 32rem; margin: 3rem auto">
<h1>Sandbox sign-in</h1>
<p>This is the pc-onboard sandbox standing in for Microsoft's sign-in page. Enter the code that
<code>pc-onboard login</code> printed.</p>
<form method="post"><input name="user_code" autofocus placeholder="ABCD-EFGH" style="font-size: 1.5rem">
<button formaction="/_sandbox/device/approve">Approve</button>
<button formaction="/_sandbox/device/decline">Decline</button></form>
</body></html>`;
