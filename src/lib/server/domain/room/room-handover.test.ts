/**
 * Passing the slides (present:pass) follows the same handover rule as any
 * duty handed over in the room (policy.ts duty.handover). On a real
 * (in-memory SQLite) database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meeting, world, type World } from '../governance/test/governance-health.fixture';
import { assignMeetingDuty } from '../meeting-core/duty-handover.service';
import { effectiveDuties } from '../meeting-core/meeting-duties';
import { passPresenter } from './room.service';

let w: World;
let meetingA: { id: string; forum_id: string; customer_id: string };

beforeEach(async () => {
	w = await world();
	meetingA = { id: await meeting(w.db, w.forumA, w.customerA, '2026-06-10T08:00:00Z', '2026-06-10T10:00:00Z'), forum_id: w.forumA, customer_id: w.customerA };
});
afterEach(async () => {
	await w.db.destroy();
});

describe('passing the slides', () => {
	it('a customer admin in the chair passes the presenter duty to its own side, not to the supplier side it does not hold it for', async () => {
		const { adminA, memberA, staff } = w.people;
		await assignMeetingDuty(w.db, adminA, meetingA.id, { duty: 'chair', party: 'customer', personId: adminA.personId });
		await expect(passPresenter(w.db, adminA, meetingA.id, { personId: staff.personId })).rejects.toMatchObject({ code: 'forbidden' });
		const presenter = async () => (await effectiveDuties(w.db, meetingA)).find((d) => d.duty === 'presenter');
		expect(await presenter()).toMatchObject({ party: 'supplier', personId: null });
		await passPresenter(w.db, adminA, meetingA.id, { personId: memberA.personId });
		expect(await presenter()).toMatchObject({ party: 'customer', personId: memberA.personId });
	});
});
