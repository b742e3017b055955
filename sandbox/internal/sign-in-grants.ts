import { randomBytes, randomUUID } from 'node:crypto';
import type { SandboxState } from '../sandbox-state.ts';

/** How long a device code can be approved (docs/contracts/partner-center.md §0.18): 15 minutes. */
export const DEVICE_CODE_LIFETIME_SECONDS = 900;
/** Seconds the client waits between two polls. */
export const DEVICE_CODE_INTERVAL_SECONDS = 1;

interface DeviceGrant {
  deviceCode: string;
  userCode: string;
  expiresAt: number;
  status: 'pending' | 'approved' | 'declined' | 'redeemed';
}

/**
 * What the sandbox authority remembers about people signing in (§0.18): device codes waiting for
 * approval, the refresh tokens that are still valid (each is valid once: a refresh rotates it),
 * and the app+user access tokens handed out, so a revocation can take them back.
 */
export interface SignInGrants {
  startDeviceCode(): DeviceGrant;
  findDevice(deviceCode: string): DeviceGrant | undefined;
  /** `undefined` when no pending device code has this user code. */
  decide(userCode: string, decision: 'approved' | 'declined'): DeviceGrant | undefined;
  /** A new refresh token, valid until it is used or revoked. */
  issueRefreshToken(): string;
  /**
   * Uses up a refresh token: true when it may be redeemed. A token this sandbox never issued
   * stands for a Secure Application Model token from elsewhere (§0.12: any is accepted) until the
   * first revocation.
   */
  redeemRefreshToken(token: string): boolean;
  rememberUserAccessToken(token: string): void;
  /** Revokes every refresh token and every app+user access token handed out (not the test token). */
  revokeAll(): { refreshTokens: number; accessTokens: number };
}

const ISSUED_PREFIX = 'sandbox.refresh.';
const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ23456789';

export function createSignInGrants(state: SandboxState): SignInGrants {
  const devices = new Map<string, DeviceGrant>();
  const liveRefreshTokens = new Set<string>();
  const userAccessTokens = new Set<string>();
  let revokedOnce = false;

  const userCode = () => {
    const bytes = randomBytes(8);
    const letters = [...bytes].map((byte) => USER_CODE_ALPHABET[byte % USER_CODE_ALPHABET.length]).join('');
    return `${letters.slice(0, 4)}-${letters.slice(4)}`;
  };

  return {
    startDeviceCode() {
      const grant: DeviceGrant = {
        deviceCode: `sandbox.device.${randomUUID()}`,
        userCode: userCode(),
        expiresAt: Date.now() + DEVICE_CODE_LIFETIME_SECONDS * 1000,
        status: 'pending',
      };
      devices.set(grant.deviceCode, grant);
      return grant;
    },
    findDevice: (deviceCode) => devices.get(deviceCode),
    decide(code, decision) {
      const wanted = code.trim().toUpperCase();
      for (const grant of devices.values()) {
        if (grant.userCode === wanted && grant.status === 'pending' && grant.expiresAt > Date.now()) {
          grant.status = decision;
          return grant;
        }
      }
      return undefined;
    },
    issueRefreshToken() {
      const token = `${ISSUED_PREFIX}${randomUUID()}`;
      liveRefreshTokens.add(token);
      return token;
    },
    redeemRefreshToken(token) {
      if (liveRefreshTokens.delete(token)) return true;
      // Issued here and already used or revoked: rotation makes it worthless.
      if (token.startsWith(ISSUED_PREFIX)) return false;
      return !revokedOnce;
    },
    rememberUserAccessToken(token) {
      userAccessTokens.add(token);
    },
    revokeAll() {
      revokedOnce = true;
      const refreshTokens = liveRefreshTokens.size;
      liveRefreshTokens.clear();
      for (const token of userAccessTokens) state.tokens.delete(token);
      const accessTokens = userAccessTokens.size;
      userAccessTokens.clear();
      return { refreshTokens, accessTokens };
    },
  };
}
