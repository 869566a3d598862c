import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../ids';
import { meeting, world, type World } from '../governance/test/governance-health.fixture';
import { calendarFeedStatus, createCalendarFeed, feedIcs, meetingInvitationIcs, revokeCalendarFeed } from './calendar.service';

const NOW = new Date('2026-06-15T10:00:00Z');
const ORIGIN = 'https://samverkan.example.se';
let w: World;
let ids: Record<string, string>;

const uids = (ics: string) =>
	new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('uid')).split('@')[0]);

beforeEach(async () => {
	w = await world();
	ids = {
		aSoon: await meeting(w.db, w.forumA, w.customerA, '2026-07-01T07:00:00Z', '2026-07-01T08:30:00Z'),
		aPast: await meeting(w.db, w.forumA, w.customerA, '2026-04-01T07:00:00Z', '2026-04-01T08:30:00Z'),
		aTooOld: await meeting(w.db, w.forumA, w.customerA, '2026-01-10T08:00:00Z', '2026-01-10T09:00:00Z'),
		aTooFar: await meeting(w.db, w.forumA, w.customerA, '2027-08-01T07:00:00Z', '2027-08-01T08:00:00Z'),
		b: await meeting(w.db, w.forumB, w.customerB, '2026-07-02T07:00:00Z', '2026-07-02T08:00:00Z')
	};
});
afterEach(async () => {
	await w.db.destroy();
});

describe('calendar feed', () => {
	it("lists the member's meetings from 90 days back to a year ahead, never another customer's", async () => {
		const { token } = await createCalendarFeed(w.db, w.people.memberA);
		const ics = (await feedIcs(w.db, token, ORIGIN, 'sv', NOW))!;
		expect(uids(ics).sort()).toEqual([ids.aSoon, ids.aPast].sort());
		// 09:00 Stockholm in summer is 07:00Z
		expect(ics).toMatch(/DTSTART;TZID=Europe\/Stockholm:20260701T090000/);
	});

	it("gives a customer's person without memberships their own customer's meetings only", async () => {
		const { token } = await createCalendarFeed(w.db, w.people.otherA);
		expect(uids((await feedIcs(w.db, token, ORIGIN, 'sv', NOW))!).sort()).toEqual([ids.aSoon, ids.aPast].sort());
		// even a membership in another customer's forum (bad data) does not leak it
		await w.db.insertInto('forum_members').values({ forum_id: w.forumB, person_id: w.people.otherA.personId, role_id: null, created_at: NOW.toISOString() }).execute();
		expect(uids((await feedIcs(w.db, token, ORIGIN, 'sv', NOW))!)).toEqual([]);
	});

	it('gives supplier staff without memberships the customers they hold a role in', async () => {
		const { token } = await createCalendarFeed(w.db, w.people.staff);
		// no role anywhere: every customer, as on the home page
		expect(uids((await feedIcs(w.db, token, ORIGIN, 'sv', NOW))!).sort()).toEqual([ids.aSoon, ids.aPast, ids.b].sort());
		await w.db.insertInto('role_assignments').values({ id: newId(), customer_id: w.customerB, person_id: w.people.staff.personId, role_id: w.roles.bam, created_at: NOW.toISOString() }).execute();
		expect(uids((await feedIcs(w.db, token, ORIGIN, 'sv', NOW))!)).toEqual([ids.b]);
	});

	it('stops answering a replaced, revoked or disabled feed, and stores only a hash', async () => {
		const first = await createCalendarFeed(w.db, w.people.memberA);
		const second = await createCalendarFeed(w.db, w.people.memberA);
		expect(await feedIcs(w.db, first.token, ORIGIN, 'sv', NOW)).toBeNull();
		expect(await feedIcs(w.db, second.token, ORIGIN, 'sv', NOW)).not.toBeNull();
		const row = await w.db.selectFrom('calendar_feeds').selectAll().executeTakeFirstOrThrow();
		expect(row.token_hash).not.toContain(second.token);
		expect(row.last_used_at).toBe(NOW.toISOString());
		expect((await calendarFeedStatus(w.db, w.people.memberA)).active).toBe(true);

		await w.db.updateTable('accounts').set({ disabled_at: NOW.toISOString() }).where('person_id', '=', w.people.memberA.personId).execute();
		expect(await feedIcs(w.db, second.token, ORIGIN, 'sv', NOW)).toBeNull();
		await w.db.updateTable('accounts').set({ disabled_at: null }).where('person_id', '=', w.people.memberA.personId).execute();

		await revokeCalendarFeed(w.db, w.people.memberA);
		expect(await feedIcs(w.db, second.token, ORIGIN, 'sv', NOW)).toBeNull();
		expect(await feedIcs(w.db, 'not-a-token', ORIGIN, 'sv', NOW)).toBeNull();
		const audit = (await w.db.selectFrom('audit_log').select('action').orderBy('at').execute()).map((a) => a.action);
		expect(audit).toEqual(['calendar.feed.create', 'calendar.feed.regenerate', 'calendar.feed.revoke']);
	});
});

describe('meeting invitation', () => {
	it('is one event for a reader of the customer and not found for another customer', async () => {
		const ics = await meetingInvitationIcs(w.db, w.people.memberA, ids.aSoon, ORIGIN);
		expect(uids(ics)).toEqual([ids.aSoon]);
		const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
		expect(event.description).toContain('Dagordning:\n1. Uppföljning');
		await expect(meetingInvitationIcs(w.db, w.people.adminB, ids.aSoon, ORIGIN)).rejects.toMatchObject({ code: 'not_found' });
	});
});
