import { describe, expect, it } from 'vitest';
import type { RoleView } from './roles.service';
import { roleOffers } from './role-offers';

const role = (id: string, party: RoleView['party']): RoleView => ({
	id,
	key: id,
	party,
	nameSv: `${id} sv`,
	nameEn: `${id} en`,
	descriptionSv: '',
	descriptionEn: ''
});
const catalogue = [role('sdm', 'supplier'), role('tech', 'supplier'), role('cio', 'customer'), role('contact', 'customer')];
const staff = [
	{ id: 'anna', name: 'Anna', title: 'Leveransansvarig' },
	{ id: 'bo', name: 'Bo', title: null }
];
// Anna holds the delivery-manager role in this relation; Cia is the customer's IT manager
const relationStaff = [{ id: 'anna', name: 'Anna', title: 'Leveransansvarig', roles: [{ roleId: 'sdm' }] }];
const customerPeople = [
	{ id: 'cia', name: 'Cia', title: 'IT-chef', roles: [{ roleId: 'cio' }] },
	{ id: 'dan', name: 'Dan', title: null, roles: [] }
];
const input = { catalogue, staff, relationStaff, customerPeople };

describe('roleOffers', () => {
	it('a supplier admin (both parties): every role, each person offered the roles of their own party they do not hold yet', () => {
		const offers = roleOffers({ ...input, may: { supplier: true, customer: true } });
		expect(offers.roles.map((r) => r.id)).toEqual(['sdm', 'tech', 'cio', 'contact']);
		expect(offers.people).toEqual([
			{ id: 'anna', name: 'Anna', title: 'Leveransansvarig', party: 'supplier', roleIds: ['tech'] },
			{ id: 'bo', name: 'Bo', title: null, party: 'supplier', roleIds: ['sdm', 'tech'] },
			{ id: 'cia', name: 'Cia', title: 'IT-chef', party: 'customer', roleIds: ['contact'] },
			{ id: 'dan', name: 'Dan', title: null, party: 'customer', roleIds: ['cio', 'contact'] }
		]);
	});

	it("a customer admin (own people only): no supplier roles and no supplier staff", () => {
		const offers = roleOffers({ ...input, may: { supplier: false, customer: true } });
		expect(offers.roles.map((r) => r.id)).toEqual(['cio', 'contact']);
		expect(offers.people.map((p) => p.id)).toEqual(['cia', 'dan']);
	});

	it('nobody may assign: nothing is offered', () => {
		expect(roleOffers({ ...input, may: { supplier: false, customer: false } })).toEqual({ roles: [], people: [] });
	});

	it('a person holding every role of their party is offered none', () => {
		const offers = roleOffers({ ...input, customerPeople: [{ id: 'cia', name: 'Cia', title: null, roles: [{ roleId: 'cio' }, { roleId: 'contact' }] }], may: { supplier: true, customer: true } });
		expect(offers.people.find((p) => p.id === 'cia')?.roleIds).toEqual([]);
	});
});
