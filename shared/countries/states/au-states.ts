import { defineCodedStates } from './state-entry.ts';

/** Australian states and territories. */
export const AU_STATES = defineCodedStates(
  'AU',
  'ACT:Australian Capital Territory|NSW:New South Wales|NT:Northern Territory|QLD:Queensland|' +
    'SA:South Australia|TAS:Tasmania|VIC:Victoria|WA:Western Australia',
);
