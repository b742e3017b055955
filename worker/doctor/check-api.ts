import type { Config } from '../config.ts';
import type { DoctorCheck } from './doctor-check.ts';

/** The extension's default worker URL (`DEFAULT_WORKER_URL` in its settings; that module needs the browser). */
const DEFAULT_WORKER_URL = 'http://127.0.0.1:8787';

/** The HTTP API answers `/health` where the extension looks for it (its default, unless changed in its options). */
export async function checkApi(config: Pick<Config, 'host' | 'port'>): Promise<DoctorCheck> {
  const name = 'API listening for the extension';
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
  const elsewhere = url === DEFAULT_WORKER_URL ? '' : ` (the extension looks at ${DEFAULT_WORKER_URL} unless its options say ${url})`;
  try {
    const answer = await fetch(`${url}/health`, { signal: AbortSignal.timeout(3000) });
    const body = (await answer.json().catch(() => ({}))) as { partnerCenter?: unknown };
    if (body.partnerCenter === 'sandbox' || body.partnerCenter === 'real') return { name, ok: true, detail: `${url} answers${elsewhere}` };
    return { name, ok: false, detail: `something else answers at ${url}`, fix: `free port ${config.port}, or set PC_ONBOARD_PORT and the worker URL in the extension's options to the same port.` };
  } catch {
    return { name, ok: false, detail: `nothing answers at ${url}${elsewhere}`, fix: 'start it: `npm start` (or `pc-onboard serve`).' };
  }
}
