import { defineContentScript } from 'wxt/utils/define-content-script';
import { DASHBOARD_MATCHES } from '../../shared/partner-center/dashboard-hosts.ts';
import { startContentScript } from '../content/start-content-script.ts';

export default defineContentScript({
  // Every cloud's dashboard; the script acts only where it recognises a wizard step by its labels.
  matches: [...DASHBOARD_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx);
  },
});
