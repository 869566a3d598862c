/**
 * Calendar files against the real server: the invitation of a meeting parses
 * and has the meeting's time in Stockholm; the personal feed works without a
 * cookie, lists only the person's own customer's meetings, and stops working
 * when revoked or replaced. Rows written before the input rules (line breaks
 * in a title, a name, a location) cannot plant events or properties, and the
 * timestamps are UTC.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY, VATTENSYD, type DemoIds } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';
import { openTestDb } from '../helpers/test-db';

let server: TestServer;
let ids: DemoIds;
let norrbyMeetings: Set<string>;
let vattenMeetings: Set<string>;

const events = (ics: string) => {
	const cal = new ICAL.Component(ICAL.parse(ics));
	const tz = cal.getFirstSubcomponent('vtimezone');
	if (tz) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
	return cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
};

/** Creates (or replaces) the signed-in person's feed through the page's form action; returns its URL path. */
async function createFeed(client: ApiClient): Promise<string> {
	const res = await client.request('POST', '/me/calendar?/create', '_form=create', {
		'content-type': 'application/x-www-form-urlencoded',
		origin: server.url,
		'x-sveltekit-action': 'true'
	});
	expect(res.status).toBe(200);
	const path = /\/calendar\/[A-Za-z0-9_-]{43}\.ics/.exec(await res.text())?.[0];
	expect(path).toBeDefined();
	return path!;
}

beforeAll(async () => {
	server = await startServer({ demo: true });
	ids = await demoIds(server.url);
	norrbyMeetings = new Set(Object.values(ids.customers[NORRBY].meetings).flat());
	vattenMeetings = new Set(Object.values(ids.customers[VATTENSYD].meetings).flat());
}, 90_000);
afterAll(async () => {
	await server?.stop();
});

describe('meeting invitation', () => {
	it('parses, with the meeting time and a stable UID, from the page and the API', async () => {
		const member = await new ApiClient(server.url).login('it@norrby.example');
		const norrby = ids.customers[NORRBY];
		const meetingId = norrby.meetings[norrby.forums.operational.id].at(-1)!;
		const { body } = await member.json('GET', `/api/v1/meetings/${meetingId}`);
		for (const path of [`/meetings/${meetingId}/invite.ics`, `/api/v1/meetings/${meetingId}/invite.ics`]) {
			const res = await member.get(path);
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
			const ics = await res.text();
			expect(ics).toContain('METHOD:PUBLISH');
			expect(ics).toContain('DTSTART;TZID=Europe/Stockholm:');
			// the zone definition travels with the file (read from @touch4it/ical-timezones at run time)
			expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm');
			const [event] = events(ics);
			expect(event.uid).toBe(`${meetingId}@127.0.0.1`);
			expect(event.startDate.toJSDate().toISOString()).toBe(new Date(body.meeting.startsAt).toISOString());
			expect(event.endDate.toJSDate().toISOString()).toBe(new Date(body.meeting.endsAt).toISOString());
		}
	});

	it("answers another customer's meeting as not found", async () => {
		const other = await new ApiClient(server.url).login('avtal@vattensyd.example');
		const norrby = ids.customers[NORRBY];
		const meetingId = norrby.meetings[norrby.forums.operational.id][0];
		expect((await other.get(`/meetings/${meetingId}/invite.ics`)).status).toBe(404);
		expect((await other.json('GET', `/api/v1/meetings/${meetingId}/invite.ics`)).status).toBe(404);
	});
});

describe('personal calendar feed', () => {
	it("lists a customer's own meetings only, without a cookie", async () => {
		for (const [email, own, foreign] of [
			['it@norrby.example', norrbyMeetings, vattenMeetings],
			['avtal@vattensyd.example', vattenMeetings, norrbyMeetings]
		] as const) {
			const client = await new ApiClient(server.url).login(email);
			const path = await createFeed(client);
			const res = await fetch(server.url + path);
			expect(res.status).toBe(200);
			const uids = events(await res.text()).map((e) => e.uid.split('@')[0]);
			expect(uids.length).toBeGreaterThan(0);
			for (const uid of uids) {
				expect(own.has(uid), `${email} gets ${uid}`).toBe(true);
				expect(foreign.has(uid)).toBe(false);
			}
		}
	});

	it('stops answering a replaced or revoked feed, and unknown tokens get 404', async () => {
		const client = await new ApiClient(server.url).login('cm@itmastaren.example');
		const first = await createFeed(client);
		const second = await createFeed(client);
		expect((await fetch(server.url + first)).status).toBe(404);
		expect((await fetch(server.url + second)).status).toBe(200);
		const revoke = await client.request('POST', '/me/calendar?/revoke', '_form=revoke', {
			'content-type': 'application/x-www-form-urlencoded',
			origin: server.url,
			'x-sveltekit-action': 'true'
		});
		expect(revoke.status).toBe(200);
		expect((await fetch(server.url + second)).status).toBe(404);
		expect((await fetch(`${server.url}/calendar/${'x'.repeat(43)}.ics`)).status).toBe(404);
	});

	it('shows the feed page to a signed-in person only', async () => {
		const client = await new ApiClient(server.url).login('it@norrby.example');
		expect((await client.get('/me/calendar')).status).toBe(200);
		const anonymous = await new ApiClient(server.url).get('/me/calendar');
		expect(anonymous.status).toBe(303);
	});
});

/**
 * What an old row could hold: a value that ends its property and plants a
 * whole event and extra properties. No NUL: PostgreSQL text cannot hold it.
 */
const PLANTED =
	'Styrgrupp\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:planted@evil.example\r\nSUMMARY:Planted\r\nDTSTART:20260101T090000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nX-PLANTED:1\nORGANIZER:mailto:evil@evil.example\rATTACH:https://evil.example/\u0007\u001b\u2028';

/** Every property name in the calendar, at any depth. */
const propertyNames = (c: ICAL.Component): string[] => [...c.getAllProperties().map((p) => p.name), ...c.getAllSubcomponents().flatMap(propertyNames)];

/** The file as a calendar program reads it: exactly the meetings expected, nothing planted, UTC stamps. */
function expectClean(ics: string, meetingIds: string[]) {
	expect(ics.split('\r\n').every((l) => !/[\p{Cc}\u2028\u2029]/u.test(l)), 'no control characters inside a line').toBe(true);
	const cal = new ICAL.Component(ICAL.parse(ics));
	const vevents = cal.getAllSubcomponents('vevent');
	const uids = vevents.map((e) => String(e.getFirstPropertyValue('uid')).split('@')[0]);
	expect(uids.toSorted()).toEqual(meetingIds.toSorted());
	const names = propertyNames(cal);
	for (const planted of ['x-planted', 'organizer', 'attach']) expect(names).not.toContain(planted);
	for (const e of vevents) {
		for (const prop of ['dtstamp', 'created', 'last-modified']) {
			const t = e.getFirstPropertyValue(prop) as ICAL.Time;
			expect(t.zone, `${prop} is UTC`).toBe(ICAL.Timezone.utcTimezone);
		}
	}
	return cal;
}

describe('hostile text already in the database', () => {
	it('cannot plant events or properties in the invitation or the personal feed', async () => {
		const member = await new ApiClient(server.url).login('it@norrby.example');
		const path = await createFeed(member);
		const before = events(await (await fetch(server.url + path)).text()).map((e) => e.uid.split('@')[0]);
		expect(before.length).toBeGreaterThan(1);
		const meetingId = before[0];

		// as an old row would be: written straight into the database, past the input rules
		const db = openTestDb(server.databaseUrl);
		try {
			const meeting = await db.selectFrom('meetings').select(['forum_id', 'customer_id', 'created_at', 'updated_at']).where('id', '=', meetingId).executeTakeFirstOrThrow();
			await db.updateTable('meetings').set({ title: PLANTED, location: PLANTED }).where('id', '=', meetingId).execute();
			await db.updateTable('forums').set({ name_sv: PLANTED }).where('id', '=', meeting.forum_id).execute();
			await db.updateTable('customers').set({ name: PLANTED }).where('id', '=', meeting.customer_id).execute();
			await db.updateTable('people').set({ name: PLANTED }).where('id', '=', ids.customers[NORRBY].person('it@norrby.example').id).execute();
		} finally {
			await db.destroy();
		}

		for (const invite of [`/meetings/${meetingId}/invite.ics`, `/api/v1/meetings/${meetingId}/invite.ics`]) {
			const res = await member.get(invite);
			expect(res.status).toBe(200);
			const cal = expectClean(await res.text(), [meetingId]);
			const ev = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
			expect(ev.summary).toMatch(/^Styrgrupp END:VEVENT BEGIN:VEVENT UID:planted@evil\.example /);
			expect(ev.location).toBe(ev.summary);
		}

		const feed = await fetch(server.url + path);
		expect(feed.status).toBe(200);
		const cal = expectClean(await feed.text(), before);
		// the feed's name is the person's: one line, in NAME and X-WR-CALNAME alike
		expect(String(cal.getFirstPropertyValue('x-wr-calname'))).toMatch(/^Samverkan: Styrgrupp END:VEVENT BEGIN:VEVENT/);
		expect(cal.getFirstPropertyValue('name')).toBe(cal.getFirstPropertyValue('x-wr-calname'));
	});
});

describe('calendar timestamps', () => {
	it('writes DTSTAMP, CREATED and LAST-MODIFIED in UTC, matching the meeting', async () => {
		const member = await new ApiClient(server.url).login('it@norrby.example');
		const norrby = ids.customers[NORRBY];
		const meetingId = norrby.meetings[norrby.forums.operational.id][0];
		const ics = await (await member.get(`/meetings/${meetingId}/invite.ics`)).text();
		expect(ics).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
		expect(ics).toMatch(/\r\nCREATED:\d{8}T\d{6}Z\r\n/);
		expect(ics).toMatch(/\r\nLAST-MODIFIED:\d{8}T\d{6}Z\r\n/);
		const ev = expectClean(ics, [meetingId]).getFirstSubcomponent('vevent')!;
		const db = openTestDb(server.databaseUrl);
		try {
			const row = await db.selectFrom('meetings').select(['created_at', 'updated_at']).where('id', '=', meetingId).executeTakeFirstOrThrow();
			const seconds = (iso: string) => new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();
			expect((ev.getFirstPropertyValue('created') as ICAL.Time).toJSDate().toISOString()).toBe(seconds(row.created_at));
			expect((ev.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().toISOString()).toBe(seconds(row.updated_at));
			expect((ev.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe(seconds(row.updated_at));
		} finally {
			await db.destroy();
		}
	});
});

