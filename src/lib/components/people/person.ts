/**
 * What the people pages (admin, customer) and the person form share: the
 * access levels, their names in the user's language, and the person as the
 * pages list them.
 */
import { m } from '$lib/paraglide/messages';
import type { Access } from '$lib/domain-types';
import type { PersonView } from '$lib/server/domain/tenancy/people.service';

/** A person as the pages list them; a list of the supplier's staff on a customer page has no accountDisabled. */
export type ListedPerson = Pick<PersonView, 'id' | 'name' | 'email' | 'phone' | 'title' | 'access' | 'hasAccount'> &
	Partial<Pick<PersonView, 'accountDisabled'>>;

const ACCESS_LABELS: Record<Access, () => string> = {
	supplier_admin: m.access_supplier_admin,
	supplier_staff: m.access_supplier_staff,
	customer_admin: m.access_customer_admin,
	customer_member: m.access_customer_member
};

export const accessLabel = (access: Access): string => ACCESS_LABELS[access]();
