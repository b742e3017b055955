/**
 * The Chrome/Edge extension's public key. Putting it in the manifest pins the extension id, so an
 * unpacked build always has the same `chrome-extension://` origin and the worker API can allow
 * exactly that origin by default (CORS). Only the public half; nothing here is secret.
 * https://developer.chrome.com/docs/extensions/reference/manifest/key
 */
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA6dsJPcTqXZw2JUBeBdi/ARc7y1kW4bAuLzzr5Xy+zg2q/qbvnMM+OIeSxsV13kI4cin0qrftYIuY8qluTevQfpjOOO2fQNL4pyW3jhwdBCFJeRPxqJVGRZx93VU6sseQPnmIDkKsOaGpIfjfcZyd6Docf78nxVYFt2CM8oFkxn4XJD7sigiYwdL713HJnoGqHNPq8aPfpTTQo77PB13ghMAgOiiZ1atBxr8srVQ9It26tBKO3L3JPUX2sK9zPp5YEIQlzkCZb7LBgfo+r8cq8P/wDVaO2dlJiY/1GjpSiVQzcvOVl5grG2baerTCiAWg62fTry9YDoUV0NW2vYcIBQIDAQAB';

/** The id Chrome derives from EXTENSION_PUBLIC_KEY (checked by extension-identity.test.ts). */
export const CHROME_EXTENSION_ID = 'jlngbhlfkmhgfagedcfpembiejgfcokb';

/** The origin of the extension's pages in Chrome and Edge. */
export const CHROME_EXTENSION_ORIGIN = `chrome-extension://${CHROME_EXTENSION_ID}`;
