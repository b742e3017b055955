import type { CallContext } from '../../shared/partner-center/partner-center-client.ts';
import type { PartnerCenterPort } from '../partner-center/partner-center-port.ts';
import type { RequestPacer } from './request-pacer.ts';

/**
 * The port with every call (one HTTP request each) waiting for the shared pacer first. Every
 * method takes the call context last; its signal also ends the wait.
 */
export function pacePartnerCenter(port: PartnerCenterPort, pacer: RequestPacer): PartnerCenterPort {
  const paced: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(port) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    paced[name] = async (...args: unknown[]) => {
      await pacer.acquire((args.at(-1) as CallContext | undefined)?.signal);
      return method.apply(port, args);
    };
  }
  return paced as unknown as PartnerCenterPort;
}
