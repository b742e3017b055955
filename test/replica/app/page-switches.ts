/**
 * Query-string switches that each take away something the extension might rely on, so that it is
 * proven to find things by what a person sees (docs/wizard-filling.md):
 * - `?offers=names-only`: the Subscriptions list shows offer names only, no catalog ids anywhere;
 * - `?confirmation=reworded`: the Confirmation page has other words — heading, labels, its closing
 *   button — and no stepper; `user-hidden`: the admin user name is masked until "Show" is pressed;
 *   `user-absent`: no admin user name, only the password;
 * - `?resellers=partner-ids`: the reseller relationship request page lists resellers by Partner ID;
 * - `?taken=status-only`: a taken domain shows only as a status icon's accessible name, no error text.
 */
export interface PageSwitches {
  offers: 'ids' | 'names-only';
  confirmation: 'plain' | 'reworded' | 'user-hidden' | 'user-absent';
  resellers: 'names' | 'partner-ids';
  taken: 'error' | 'status-only';
}

function pick<T extends string>(name: string, values: readonly T[]): T {
  const given = new URLSearchParams(location.search).get(name);
  return values.find((value) => value === given) ?? values[0]!;
}

/** The switches of the page as it was opened (the query string survives the wizard's pushState navigation). */
export function pageSwitches(): PageSwitches {
  return {
    offers: pick('offers', ['ids', 'names-only']),
    confirmation: pick('confirmation', ['plain', 'reworded', 'user-hidden', 'user-absent']),
    resellers: pick('resellers', ['names', 'partner-ids']),
    taken: pick('taken', ['error', 'status-only']),
  };
}
