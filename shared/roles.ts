/** The four roles of a disclosure office. A person may hold several. */
export const ROLES = ['officer', 'reviewer', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];
