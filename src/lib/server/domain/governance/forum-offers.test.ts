import { describe, expect, it } from 'vitest';
import type { TemplateView } from './catalogue.service';
import type { EligiblePerson } from './forum-people.service';
import { dutyRecipients, memberCandidates, templatesToOffer } from './forum-offers';

const name = (sv: string) => ({ sv, en: `${sv} (en)` });
const template = (key: TemplateView['key'], level: TemplateView['level']) =>
	({ id: `t-${key}`, key, level, name: name(key), cadence: { text: name(`${key} cadence`) } }) as unknown as TemplateView;

const anna: EligiblePerson = { id: 'anna', name: 'Anna', party: 'supplier', roles: [{ roleId: 'r-sdm', name: name('Leveransansvarig') }] };
const bo: EligiblePerson = { id: 'bo', name: 'Bo', party: 'supplier', roles: [] };
const cia: EligiblePerson = {
	id: 'cia',
	name: 'Cia',
	party: 'customer',
	roles: [
		{ roleId: 'r-it', name: name('IT-chef') },
		{ roleId: 'r-ka', name: name('Kontaktansvarig') }
	]
};

describe('templatesToOffer: one forum per template and customer', () => {
	const templates = [template('strategic', 'strategic'), template('tactical', 'tactical'), template('cab', 'operational')];

	it('offers every template to a customer without forums, with its level and cadence words', () => {
		expect(templatesToOffer(templates, [])).toEqual([
			{ key: 'strategic', level: 'strategic', name: name('strategic'), cadenceText: name('strategic cadence') },
			{ key: 'tactical', level: 'tactical', name: name('tactical'), cadenceText: name('tactical cadence') },
			{ key: 'cab', level: 'operational', name: name('cab'), cadenceText: name('cab cadence') }
		]);
	});

	it('leaves out the templates the customer already has a forum of; a forum without a template hides none', () => {
		const offered = templatesToOffer(templates, [{ templateKey: 'tactical' }, { templateKey: null }]);
		expect(offered.map((t) => t.key)).toEqual(['strategic', 'cab']);
	});

	it('offers nothing once every template is used', () => {
		expect(templatesToOffer(templates, templates.map((t) => ({ templateKey: t.key })))).toEqual([]);
	});
});

describe('dutyRecipients: a duty goes to a person of its party', () => {
	it('splits the eligible people by party, keeping their order', () => {
		expect(dutyRecipients([anna, cia, bo])).toEqual({ supplier: [anna, bo], customer: [cia] });
	});
	it('a party without people offers nobody', () => {
		expect(dutyRecipients([cia]).supplier).toEqual([]);
	});
});

describe('memberCandidates: who can join the forum, with which role', () => {
	it('offers one choice per role held, and a person without a role once without one', () => {
		expect(memberCandidates([anna, bo, cia], [])).toEqual({
			supplier: [
				{ personId: 'anna', name: 'Anna', roleId: 'r-sdm', roleName: name('Leveransansvarig') },
				{ personId: 'bo', name: 'Bo', roleId: null, roleName: null }
			],
			customer: [
				{ personId: 'cia', name: 'Cia', roleId: 'r-it', roleName: name('IT-chef') },
				{ personId: 'cia', name: 'Cia', roleId: 'r-ka', roleName: name('Kontaktansvarig') }
			]
		});
	});
	it('leaves out those who already are members', () => {
		const c = memberCandidates([anna, bo, cia], [{ personId: 'anna' }, { personId: 'cia' }]);
		expect(c.supplier.map((x) => x.personId)).toEqual(['bo']);
		expect(c.customer).toEqual([]);
	});
});
