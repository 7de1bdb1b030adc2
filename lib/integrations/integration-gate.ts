/**
 * What the integrations' routes and actions declare to the gate: Admins only, and for every other role they do not
 * exist (404, like their admin pages; SPEC §2).
 */
export const integrationsHidden = { capability: "administer", unknownToOtherRoles: "adminIntegrations.errors.notFound" } as const;

export const integrationLogHidden = { capability: "export", unknownToOtherRoles: "adminIntegrationLog.errors.notFound" } as const;
