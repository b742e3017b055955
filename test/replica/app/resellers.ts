/** The indirect resellers of the replica's partner: company name, tenant id (what Partner Center's API takes) and Partner ID (MPN). */
export const RESELLERS = [
  { name: 'Fabrikam Reseller', tenantId: '6f1c2d3e-4a5b-4c7d-8e9f-0a1b2c3d4e5f', partnerId: '4567890' },
  { name: 'Litware Reseller', tenantId: '0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d', partnerId: '5678901' },
] as const;
