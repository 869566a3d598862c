import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { listAttendance, markAttendance } from './attendance.service';
import { meeting, member, person, world, type World } from '../governance/test/governance-health.fixture';

let w: World;
let meetingId: string;

beforeEach(async () => {
	w = await world();
	meetingId = await meeting(w.db, w.forumA, w.customerA, '2030-03-10T08:00:00Z', '2030-03-10T10:00:00Z');
});
afterEach(async () => {
	await w.db.destroy();
});

const code = async (p: Promise<unknown>) => {
	try {
		await p;
		return 'ok';
	} catch (e) {
		if (e instanceof DomainError) return e.code;
		throw e;
	}
};
const marks = () => w.db.selectFrom('meeting_attendance').selectAll().where('meeting_id', '=', meetingId).execute();

describe('listAttendance', () => {
	it('invites the forum members, by side, with role and duties, nobody marked yet', async () => {
		const view = await listAttendance(w.db, w.people.memberA, meetingId);
		expect(view.attendees.map((a) => [a.name, a.side, a.role?.sv, a.duties, a.status])).toEqual([
			['Åsa Öberg', 'supplier', 'Kundansvarig', ['chair'], null],
			['Jörgen Ärlig', 'customer', 'IT-ansvarig', [], null],
			['Karin Lund', 'customer', 'Avtalsansvarig', [], null]
		]);
		expect(view.counts).toEqual({ attended: 0, absent: 0, excused: 0, unmarked: 3 });
		expect(view.canMark).toBe(false);
		expect((await listAttendance(w.db, w.people.chair, meetingId)).canMark).toBe(true);
	});

	it("answers another customer's meeting as not found", async () => {
		expect(await code(listAttendance(w.db, w.people.adminB, meetingId))).toBe('not_found');
	});

	it('keeps a marked person who has since left the forum', async () => {
		await markAttendance(w.db, w.people.chair, meetingId, { entries: [{ personId: w.people.memberA.personId, status: 'attended' }] });
		await w.db.deleteFrom('forum_members').where('person_id', '=', w.people.memberA.personId).execute();
		const late = await person(w.db, 'Ny Medlem', 'customer_member', w.customerA);
		await member(w.db, w.forumA, late.personId, null);
		const view = await listAttendance(w.db, w.people.chair, meetingId);
		expect(view.attendees.map((a) => [a.name, a.status])).toContainEqual(['Jörgen Ärlig', 'attended']);
		expect(view.attendees.map((a) => a.name)).toContain('Ny Medlem');
		expect(view.attendees.find((a) => a.name === 'Jörgen Ärlig')!.role).toBeNull();
	});
});

describe('markAttendance', () => {
	it('records the chair\'s marks with who and when, and an audit entry', async () => {
		const view = await markAttendance(w.db, w.people.chair, meetingId, {
			entries: [
				{ personId: w.people.chair.personId, status: 'attended' },
				{ personId: w.people.adminA.personId, status: 'attended' },
				{ personId: w.people.memberA.personId, status: 'excused' }
			]
		});
		expect(view.counts).toEqual({ attended: 2, absent: 0, excused: 1, unmarked: 0 });
		const rows = await marks();
		expect(rows).toHaveLength(3);
		expect(rows.every((r) => r.updated_by === w.people.chair.personId)).toBe(true);
		const audit = await w.db.selectFrom('audit_log').selectAll().where('action', '=', 'meeting.attendance').execute();
		expect(audit).toHaveLength(1);
		expect(JSON.parse(audit[0].after!)).toEqual({ 'Åsa Öberg': 'attended', 'Karin Lund': 'attended', 'Jörgen Ärlig': 'excused' });

		// null clears a mark; an unchanged mark writes nothing
		const after = await markAttendance(w.db, w.people.chair, meetingId, {
			entries: [
				{ personId: w.people.memberA.personId, status: null },
				{ personId: w.people.chair.personId, status: 'attended' }
			]
		});
		expect(after.counts.unmarked).toBe(1);
		expect(JSON.parse((await w.db.selectFrom('audit_log').select('after').where('action', '=', 'meeting.attendance').orderBy('at', 'desc').executeTakeFirstOrThrow()).after!)).toEqual({
			'Jörgen Ärlig': null
		});
	});

	it('lets the minute-taker mark, also from the customer side', async () => {
		await w.db.insertInto('meeting_duties').values({ meeting_id: meetingId, duty: 'minute_taker', party: 'customer', person_id: w.people.memberA.personId, updated_by: null, updated_at: '2026-01-01T00:00:00Z' }).execute();
		const view = await markAttendance(w.db, w.people.memberA, meetingId, { entries: [{ personId: w.people.adminA.personId, status: 'absent' }] });
		expect(view.counts.absent).toBe(1);
	});

	it('refuses people without the duty, other customers, strangers and bad input, changing nothing', async () => {
		const entry = { entries: [{ personId: w.people.adminA.personId, status: 'attended' }] };
		expect(await code(markAttendance(w.db, w.people.memberA, meetingId, entry))).toBe('forbidden');
		expect(await code(markAttendance(w.db, w.people.adminA, meetingId, entry))).toBe('forbidden');
		expect(await code(markAttendance(w.db, w.people.adminB, meetingId, entry))).toBe('not_found');
		expect(await code(markAttendance(w.db, w.people.chair, meetingId, { entries: [{ personId: w.people.otherA.personId, status: 'attended' }] }))).toBe('invalid');
		expect(await code(markAttendance(w.db, w.people.chair, meetingId, { entries: [{ personId: w.people.adminA.personId, status: 'late' }] }))).toBe('invalid');
		expect(await code(markAttendance(w.db, w.people.chair, meetingId, { entries: [] }))).toBe('invalid');
		expect(await marks()).toHaveLength(0);
	});

	it('refuses changes once the minutes are approved', async () => {
		await markAttendance(w.db, w.people.chair, meetingId, { entries: [{ personId: w.people.adminA.personId, status: 'attended' }] });
		await w.db.updateTable('meetings').set({ status: 'minutes_approved', approved_at: '2030-03-11T08:00:00Z' }).where('id', '=', meetingId).execute();
		expect(await code(markAttendance(w.db, w.people.chair, meetingId, { entries: [{ personId: w.people.adminA.personId, status: 'absent' }] }))).toBe('conflict');
		expect((await marks())[0].status).toBe('attended');
		const view = await listAttendance(w.db, w.people.chair, meetingId);
		expect(view.locked).toBe(true);
		expect(view.canMark).toBe(false);
	});
});
