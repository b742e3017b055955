import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { DASHBOARD_MATCHES } from './shared/partner-center/dashboard-hosts.ts';
import { EXTENSION_PUBLIC_KEY } from './shared/extension-identity.ts';

// The extension lives in extension/; shared/ is imported from there by relative path.
export default defineConfig({
  srcDir: 'extension',
  entrypointsDir: 'entrypoints',
  publicDir: 'extension/public',
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'pc-onboard',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    permissions: ['storage', 'tabs', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: [...DASHBOARD_MATCHES, 'http://127.0.0.1/*', 'http://localhost/*'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'pc-onboard@example.com', data_collection_permissions: { required: ['none'] } } } }
      : { key: EXTENSION_PUBLIC_KEY }),
  }),
});
