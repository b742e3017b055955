import { Buffer } from 'node:buffer';
import { Hono } from 'hono';
import type { SandboxState } from '../sandbox-state.ts';
import { issueToken } from '../sandbox-state.ts';
import type { SandboxEnv } from '../internal/sandbox-env.ts';
import { errorBody } from '../internal/error-body.ts';

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

/**
 * The sandbox as sign-in authority (docs/contracts/partner-center-api.md §0.12): the v1 and v2.0 token
 * endpoints accept any client id and secret. `client_credentials` gives an app-only token;
 * `refresh_token` and `authorization_code` (any code) give app+user tokens and a refresh token.
 * Also serves the OpenID configuration so an OAuth library can discover the endpoints.
 */
export function createTokenRoutes(state: SandboxState) {
  const routes = new Hono<SandboxEnv>();
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
      kind = 'app+user';
    } else if (grantType === 'authorization_code' && form.code) {
      kind = 'app+user';
    } else {
      return oauthError(c, 'unsupported_grant_type', `grant_type must be client_credentials, refresh_token (with refresh_token) or authorization_code (with code); got "${grantType}".`);
    }
    const accessToken = issueToken(state, kind);
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
      answer.refresh_token = `sandbox.refresh.${crypto.randomUUID()}`;
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
      grant_types_supported: ['client_credentials', 'refresh_token', 'authorization_code'],
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
