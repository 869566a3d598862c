/**
 * Who may hand which duty to whom in a meeting (policy.ts duty.handover), as
 * assignMeetingDuty enforces it and as handoverOffer tells the room's form.
 * On a real (in-memory SQLite) database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meeting, world, type World } from '../governance/test/governance-health.fixture';
import { assignMeetingDuty, handoverOffer } from './duty-handover.service';
import { effectiveDuties } from './meeting-duties';

let w: World;
let meetingA: { id: string; forum_id: string; customer_id: string };

const holder = async (duty: string) => (await effectiveDuties(w.db, meetingA)).find((d) => d.duty === duty);

beforeEach(async () => {
	w = await world();
	meetingA = { id: await meeting(w.db, w.forumA, w.customerA, '2026-06-10T08:00:00Z', '2026-06-10T10:00:00Z'), forum_id: w.forumA, customer_id: w.customerA };
});
afterEach(async () => {
	await w.db.destroy();
});

describe('handing a duty over in a meeting', () => {
	it('the customer admin gives a duty it does not hold to its own people only; holding it, to either side', async () => {
		const { adminA, memberA, staff } = w.people;
		await expect(assignMeetingDuty(w.db, adminA, meetingA.id, { duty: 'presenter', party: 'supplier', personId: staff.personId })).rejects.toMatchObject({
			code: 'forbidden',
			message: 'The customer side hands duties to its own people'
		});
		// nor for the forum from now on
		await expect(assignMeetingDuty(w.db, adminA, meetingA.id, { duty: 'presenter', party: 'supplier', personId: staff.personId, scope: 'forum' })).rejects.toMatchObject({ code: 'forbidden' });
		expect(await holder('presenter')).toMatchObject({ party: 'supplier', personId: null, scope: 'default' });
		await assignMeetingDuty(w.db, adminA, meetingA.id, { duty: 'presenter', party: 'customer', personId: memberA.personId });
		expect(await holder('presenter')).toMatchObject({ personId: memberA.personId, scope: 'meeting' });
		// the member who holds it now passes it to the supplier side
		await assignMeetingDuty(w.db, memberA, meetingA.id, { duty: 'presenter', party: 'supplier', personId: staff.personId });
		expect(await holder('presenter')).toMatchObject({ personId: staff.personId, scope: 'meeting' });
	});

	it('offers the room form whom the policy allows, holding the duty and not, with the people of those parties', async () => {
		const { chair, staff, adminA, memberA, otherA, adminB } = w.people;
		const offerOf = async (who: typeof adminA) => {
			const offer = await handoverOffer(w.db, who, meetingA.id);
			return { ...offer.toParties, people: offer.people.map((p) => `${p.party}:${p.name}`).sort() };
		};
		const everyone = [`customer:${adminA.name}`, `customer:${memberA.name}`, `customer:${otherA.name}`, `supplier:${chair.name}`, `supplier:${staff.name}`].sort();
		// the customer's admin hands any duty to its own side, a duty it holds to either side
		expect(await offerOf(adminA)).toEqual({ held: ['supplier', 'customer'], notHeld: ['customer'], people: everyone });
		// a member or supplier staff without admin rights passes on only what they hold
		expect(await offerOf(memberA)).toEqual({ held: ['supplier', 'customer'], notHeld: [], people: everyone });
		expect(await offerOf(staff)).toEqual({ held: ['supplier', 'customer'], notHeld: [], people: everyone });
		// another customer's admin: the meeting is unknown to them
		await expect(handoverOffer(w.db, adminB, meetingA.id)).rejects.toMatchObject({ code: 'not_found' });
	});
});
