/**
 * Calendar files against the real server: the invitation of a meeting parses
 * and has the meeting's time in Stockholm; the personal feed works without a
 * cookie, lists only the person's own customer's meetings, and stops working
 * when revoked or replaced.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY, VATTENSYD, type DemoIds } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

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
