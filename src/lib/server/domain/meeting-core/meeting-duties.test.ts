/**
 * Duty holders as the room, the editors and the approval read them
 * (effectiveDuties, meetingContext), after they are handed over through the
 * services: each write reaches the tables and each read stays in its own
 * forum and meeting. On a real (in-memory SQLite) database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignDuty, removeMember } from '../governance/forums.service';
import { meeting, world, type World } from '../governance/test/governance-health.fixture';
import { assignMeetingDuty } from './duty-handover.service';
import { meetingContext } from './meeting-context';
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

describe('duty holders', () => {
	it('another forum\'s duties are not read as this meeting\'s', async () => {
		const other = await meeting(w.db, w.forumB, w.customerB, '2026-06-10T08:00:00Z', '2026-06-10T10:00:00Z');
		await assignDuty(w.db, w.people.adminB, w.forumB, { duty: 'presenter', party: 'customer', personId: w.people.adminB.personId });
		await assignMeetingDuty(w.db, w.people.adminB, other, { duty: 'compiler', party: 'customer', personId: w.people.adminB.personId });
		expect(await holder('presenter')).toEqual({ duty: 'presenter', party: 'supplier', personId: null, personName: null, scope: 'default' });
		expect(await holder('compiler')).toEqual({ duty: 'compiler', party: 'supplier', personId: null, personName: null, scope: 'default' });
		expect((await meetingContext(w.db, w.people.adminB, other)).duties).toEqual(expect.arrayContaining(['presenter', 'compiler']));
	});

	it('the customer takes the chair of the forum: the meeting reads the new holder, the old one holds it no more', async () => {
		const { chair, adminA } = w.people;
		expect((await meetingContext(w.db, chair, meetingA.id)).duties).toContain('chair');
		await assignDuty(w.db, adminA, w.forumA, { duty: 'chair', party: 'customer', personId: adminA.personId });
		expect(await holder('chair')).toEqual({ duty: 'chair', party: 'customer', personId: adminA.personId, personName: adminA.name, scope: 'forum' });
		expect((await meetingContext(w.db, chair, meetingA.id)).duties).not.toContain('chair');
		expect((await meetingContext(w.db, adminA, meetingA.id)).duties).toContain('chair');
	});

	it('a duty handed over for one meeting wins over the forum\'s; handing it over for the forum clears the meeting\'s', async () => {
		const { chair, memberA, adminA } = w.people;
		await assignMeetingDuty(w.db, chair, meetingA.id, { duty: 'chair', party: 'customer', personId: memberA.personId });
		expect(await holder('chair')).toMatchObject({ personId: memberA.personId, scope: 'meeting' });
		await assignMeetingDuty(w.db, adminA, meetingA.id, { duty: 'chair', party: 'customer', personId: adminA.personId, scope: 'forum' });
		expect(await holder('chair')).toMatchObject({ personId: adminA.personId, scope: 'forum' });
	});

	it('a member who leaves the forum leaves its duties', async () => {
		await removeMember(w.db, w.people.adminA, w.forumA, w.people.chair.personId);
		expect(await holder('chair')).toEqual({ duty: 'chair', party: 'supplier', personId: null, personName: null, scope: 'forum' });
	});
});
