import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { can } from '../policy';

const actor = (access: Actor['access'], customerId: string | null): Actor => ({ personId: 'p', name: 'n', email: 'e', access, customerId });
const NORRBY = { customerId: 'norrby' };

describe('document access policy', () => {
	it('lets the supplier and the customer admin write, members write, other people of the customer only read', () => {
		expect(can(actor('supplier_admin', null), 'document.write', NORRBY)).toBe(true);
		expect(can(actor('supplier_staff', null), 'document.write', NORRBY)).toBe(true);
		expect(can(actor('customer_admin', 'norrby'), 'document.write', NORRBY)).toBe(true);
		expect(can(actor('customer_member', 'norrby'), 'document.write', { ...NORRBY, forumMember: true })).toBe(true);
		expect(can(actor('customer_member', 'norrby'), 'document.write', { ...NORRBY, forumMember: false })).toBe(false);
		expect(can(actor('customer_member', 'norrby'), 'document.read', NORRBY)).toBe(true);
	});

	it("gives another customer's people nothing, not even as admins or members", () => {
		for (const access of ['customer_admin', 'customer_member'] as const) {
			expect(can(actor(access, 'vattensyd'), 'document.read', NORRBY)).toBe(false);
			expect(can(actor(access, 'vattensyd'), 'document.write', { ...NORRBY, forumMember: true })).toBe(false);
		}
	});
});
