import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionStatus } from '$lib/server/db/lifecycle-schema';
import { DomainError } from '../errors';
import { newId } from '../ids';
import { customerGovernanceHealth, forumGovernanceHealth, median } from './governance-health';
import { meeting, world, type World } from './test/governance-health.fixture';

const NOW = new Date('2026-06-15T10:00:00Z');
let w: World;

async function mark(meetingId: string, personId: string, status: 'attended' | 'absent' | 'excused') {
	await w.db.insertInto('meeting_attendance').values({ meeting_id: meetingId, person_id: personId, status, updated_by: null, updated_at: NOW.toISOString() }).execute();
}

async function action(status: ActionStatus, dueDate: string | null) {
	const t = '2026-01-05T00:00:00Z';
	await w.db
		.insertInto('action_items')
		.values({ id: newId(), forum_id: w.forumA, customer_id: w.customerA, position: 0, title: 'x', description: '', status, due_date: dueDate, created_at: t, updated_at: t })
		.execute();
}

beforeEach(async () => {
	w = await world();
	const { chair, adminA, memberA } = w.people;
	// last year: not counted anywhere
	await meeting(w.db, w.forumA, w.customerA, '2025-11-01T08:00:00Z', '2025-11-01T10:00:00Z', { approved_at: '2025-12-01T10:00:00Z', status: 'minutes_approved' });
	// approved 2.0 days after its end; the IT manager was absent
	const m1 = await meeting(w.db, w.forumA, w.customerA, '2026-02-10T08:00:00Z', '2026-02-10T10:00:00Z', { approved_at: '2026-02-12T10:00:00Z', status: 'minutes_approved' });
	await mark(m1, chair.personId, 'attended');
	await mark(m1, adminA.personId, 'attended');
	await mark(m1, memberA.personId, 'absent');
	// approved 7.5 days after its end; the supplier's BAM was absent
	const m2 = await meeting(w.db, w.forumA, w.customerA, '2026-04-10T08:00:00Z', '2026-04-10T10:00:00Z', { approved_at: '2026-04-17T22:00:00Z', status: 'minutes_approved' });
	await mark(m2, chair.personId, 'absent');
	await mark(m2, adminA.personId, 'attended');
	await mark(m2, memberA.personId, 'attended');
	// held, minutes not approved, attendance never recorded
	await meeting(w.db, w.forumA, w.customerA, '2026-05-20T08:00:00Z', '2026-05-20T10:00:00Z');
	// planned
	await meeting(w.db, w.forumA, w.customerA, '2026-09-01T08:00:00Z', '2026-09-01T10:00:00Z');

	await action('done', '2026-03-01');
	await action('done', null);
	await action('open', '2026-06-01'); // overdue
	await action('in_progress', '2026-06-15'); // due today: not overdue
	await action('open', null);
	await action('cancelled', '2026-01-01'); // never counts
});
afterEach(async () => {
	await w.db.destroy();
});

describe('governance health', () => {
	it('computes a forum\'s figures by hand-checkable rules', async () => {
		const h = await forumGovernanceHealth(w.db, w.people.memberA, w.forumA, NOW);
		expect(h.cadence).toMatchObject({ year: 2026, held: 3, planned: 1, minPerYear: 3, maxPerYear: 4, state: 'on_track' });
		expect(h.attendance.meetingsRecorded).toBe(2);
		// BAM present at 1 of 2 recorded meetings
		expect(h.attendance.supplier).toEqual({ required: 1, rate: 0.5, missed: [{ roleKey: 'bam', name: { sv: 'Kundansvarig', en: 'Business Account Manager' }, meetings: 1 }] });
		// contract owner 2 of 2, IT manager 1 of 2: 3 of 4
		expect(h.attendance.customer.rate).toBe(0.75);
		expect(h.attendance.customer.missed.map((m) => [m.roleKey, m.meetings])).toEqual([['it_manager', 1]]);
		expect(h.approval).toEqual({ approved: 2, medianDays: 4.75, latestDays: 7.5, awaiting: 1 });
		expect(h.actions).toEqual({ total: 5, done: 2, open: 3, closureRate: 0.4, overdue: 1 });
	});

	it('sums a customer\'s forums and flags a forum behind its cadence', async () => {
		const h = await customerGovernanceHealth(w.db, w.people.adminA, w.customerA, NOW);
		expect(h.year).toBe(2026);
		expect(h.forums).toHaveLength(1);
		expect(h.totals).toEqual({
			meetingsHeld: 3,
			forumsBehind: 0,
			// supplier 1 of 2 plus customer 3 of 4
			attendanceRate: 0.666667,
			medianApprovalDays: 4.75,
			awaitingApproval: 1,
			actions: 5,
			closureRate: 0.4,
			overdue: 1
		});
		const b = await customerGovernanceHealth(w.db, w.people.adminB, w.customerB, NOW);
		expect(b.forums[0].cadence.state).toBe('behind');
		expect(b.forums[0].actions.closureRate).toBeNull();
		expect(b.forums[0].attendance.customer.rate).toBeNull();
		expect(b.totals.medianApprovalDays).toBeNull();
	});

	it("answers another customer's customer or forum as not found", async () => {
		for (const p of [customerGovernanceHealth(w.db, w.people.adminB, w.customerA, NOW), forumGovernanceHealth(w.db, w.people.adminB, w.forumA, NOW)]) {
			await expect(p).rejects.toSatisfy((e) => e instanceof DomainError && e.code === 'not_found');
		}
		// the supplier sees both
		expect((await customerGovernanceHealth(w.db, w.people.staff, w.customerB, NOW)).customerId).toBe(w.customerB);
	});

	it('takes the median of an even and an odd count', () => {
		expect(median([])).toBeNull();
		expect(median([3, 1, 2])).toBe(2);
		expect(median([7.5, 2])).toBe(4.75);
	});
});
