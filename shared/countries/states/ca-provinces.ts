import { defineCodedStates } from './state-entry.ts';

/** Canadian provinces and territories (Canada Post codes). */
export const CA_PROVINCES = defineCodedStates(
  'CA',
  'AB:Alberta|BC:British Columbia|MB:Manitoba|NB:New Brunswick|NL:Newfoundland and Labrador|' +
    'NS:Nova Scotia|NT:Northwest Territories|NU:Nunavut|ON:Ontario|PE:Prince Edward Island|QC:Quebec|' +
    'SK:Saskatchewan|YT:Yukon',
);
