/**
 * Cancelling a meeting (ställa in, issue 16), end to end: the real server
 * sends over SMTP to a real SMTP server in this process. A meeting whose
 * kallelse went out: every member is told, with a calendar METHOD:CANCEL of
 * the same entry (same UID, higher SEQUENCE, read with ical.js) and the
 * reason. A meeting never published: nobody is told. Who may, when, and that
 * a cancelled meeting leaves the upcoming lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { ApiClient } from '../helpers/api-client';
import { startServer, type TestServer } from '../helpers/server';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../helpers/smtp-sink';

let sink: SmtpSink;
let server: TestServer;
let admin: ApiClient;
let chair: ApiClient;
let member: ApiClient;
let other: ApiClient;
let forumId: string;
let members: { email: string; party: 'supplier' | 'customer'; personId: string }[];

const calendarOf = (mail: ReceivedMail) => {
	const part = mail.parsed.attachments.find((a) => a.contentType === 'text/calendar');
	if (!part) throw new Error(`no calendar part in "${mail.parsed.subject}"`);
	const cal = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
	const event = cal.getFirstSubcomponent('vevent')!;
	return { method: String(cal.getFirstPropertyValue('method')), uid: String(event.getFirstPropertyValue('uid')), sequence: Number(event.getFirstPropertyValue('sequence')) };
};

const mailAbout = (email: string, subject: string) => sink.mailsTo(email).find((m) => m.parsed.subject === subject);

async function schedule(title: string, startsAt: string, endsAt: string): Promise<string> {
	const res = await admin.json('POST', `/api/v1/forums/${forumId}/meetings`, { title, startsAt, endsAt, location: 'Rum 2' });
	expect(res.status).toBe(201);
	return res.body.meeting.id as string;
}

/** "YYYY-MM-DDTHH:MM" in Stockholm's local time, `hours` from now (the form's format). */
const localIn = (hours: number) =>
	new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
		.format(new Date(Date.now() + hours * 3600_000))
		.replace(' ', 'T');

beforeAll(async () => {
	sink = await startSmtpSink();
	server = await startServer({ demo: true, env: { SMTP_URL: sink.url, NOTIFY_POLL_MS: '150' } });
	admin = await new ApiClient(server.url).login('admin@itmastaren.example');
	chair = await new ApiClient(server.url).login('bam@itmastaren.example');
	member = await new ApiClient(server.url).login('it@norrby.example');
	other = await new ApiClient(server.url).login('avtal@vattensyd.example');
	const customers = (await admin.json('GET', '/api/v1/customers')).body.customers as { id: string; name: string }[];
	const norrby = customers.find((c) => c.name.startsWith('Norrby'))!.id;
	const forums = (await admin.json('GET', `/api/v1/customers/${norrby}/forums`)).body.forums as { id: string; templateKey: string; members: { email: string; personId: string; party: 'supplier' | 'customer' }[] }[];
	const forum = forums.find((f) => f.templateKey === 'operational')!;
	forumId = forum.id;
	members = forum.members;
}, 120_000);

afterAll(async () => {
	await server?.stop();
	await sink?.close();
});

describe('cancelling a meeting whose kallelse went out', () => {
	let meetingId: string;

	beforeAll(async () => {
		meetingId = await schedule('Ställs in', '2031-06-02T09:00', '2031-06-02T10:00');
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/publish`, {})).status).toBe(200);
		await sink.waitFor(() => members.every((m) => mailAbout(m.email, 'Kallelse: Ställs in')), 'the kallelse to every member');
		await new Promise((r) => setTimeout(r, 1100)); // SEQUENCE counts seconds since creation
	}, 60_000);

	it('is refused to a member without a duty (403) and to another customer (404), and changes nothing', async () => {
		const refused = await member.json('POST', `/api/v1/meetings/${meetingId}/cancel`, { reason: 'Nej' });
		expect(refused.status).toBe(403);
		expect((await other.json('POST', `/api/v1/meetings/${meetingId}/cancel`, {})).status).toBe(404);
		// bad input: a clear error, nothing changed
		const tooLong = await chair.json('POST', `/api/v1/meetings/${meetingId}/cancel`, { reason: 'x'.repeat(1001) });
		expect(tooLong.status).toBe(400);
		expect(tooLong.body.error.fields).toHaveProperty('reason');
		expect((await admin.json('GET', `/api/v1/meetings/${meetingId}/lifecycle`)).body.lifecycle.status).toBe('agenda_published');
	});

	it('tells every member "Inställt" with the reason and a METHOD:CANCEL of the same calendar entry', async () => {
		const res = await chair.json('POST', `/api/v1/meetings/${meetingId}/cancel`, { reason: 'Ordföranden är sjuk.\nNytt möte kallas senare.' });
		expect(res.status).toBe(200);
		expect(res.body.lifecycle).toMatchObject({ status: 'cancelled', nextStep: 'cancelled', cancellation: { reason: 'Ordföranden är sjuk.\nNytt möte kallas senare.' }, may: { publish: false, cancel: false, run: false } });
		await sink.waitFor(() => members.every((m) => mailAbout(m.email, 'Inställt: Ställs in')), 'the cancellation to every member');
		for (const m of members) {
			const kallelse = calendarOf(mailAbout(m.email, 'Kallelse: Ställs in')!);
			const mail = mailAbout(m.email, 'Inställt: Ställs in')!;
			expect(mail.parsed.text).toContain('Mötet är inställt.');
			expect(mail.parsed.text).toContain('Skäl: Ordföranden är sjuk.');
			const cal = calendarOf(mail);
			expect(cal.method).toBe('CANCEL');
			expect(cal.uid).toBe(kallelse.uid);
			expect(cal.sequence).toBeGreaterThan(kallelse.sequence);
		}
		// once each, and to nobody else
		const allowed = new Set(members.map((m) => m.email));
		const cancellations = sink.mails.filter((m) => m.parsed.subject === 'Inställt: Ställs in');
		expect(cancellations.filter((m) => !allowed.has(m.to))).toEqual([]);
		expect(cancellations.length).toBe(members.length);
	});

	it('cannot be cancelled twice, nor started, once cancelled (409)', async () => {
		const again = await chair.json('POST', `/api/v1/meetings/${meetingId}/cancel`, {});
		expect(again.status).toBe(409);
		expect(again.body.error.messageCode).toBe('meeting.cancelled');
		const start = await chair.json('POST', `/api/v1/meetings/${meetingId}/start`, { confirmEarly: true });
		expect(start.status).toBe(409);
		expect(start.body.error.messageCode).toBe('meeting.cancelled');
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/publish`, {})).status).toBe(409);
	});

	it('is audited as meeting.cancel with the reason', async () => {
		const { body } = await admin.json('GET', '/api/v1/audit?kind=meetings');
		const entry = (body.entries as { action: string; entityId: string; after: unknown }[]).find((e) => e.action === 'meeting.cancel' && e.entityId === meetingId);
		expect(entry?.after).toMatchObject({ reason: 'Ordföranden är sjuk.\nNytt möte kallas senare.' });
	});
});

describe('cancelling other meetings', () => {
	it('a planned meeting whose agenda was never published: cancelled, and nobody is told', async () => {
		const meetingId = await schedule('Aldrig kallat', '2031-06-09T09:00', '2031-06-09T10:00');
		const res = await admin.json('POST', `/api/v1/meetings/${meetingId}/cancel`, {});
		expect(res.status).toBe(200);
		expect(res.body.lifecycle).toMatchObject({ status: 'cancelled', cancellation: { reason: null } });
		// a later event's mails prove the worker has run past this one
		const marker = await schedule('Efter inställt', '2031-06-16T09:00', '2031-06-16T10:00');
		expect((await chair.json('POST', `/api/v1/meetings/${marker}/publish`, {})).status).toBe(200);
		await sink.waitFor(() => members.every((m) => mailAbout(m.email, 'Kallelse: Efter inställt')), 'the later kallelse');
		expect(sink.mails.filter((m) => (m.parsed.subject ?? '').includes('Aldrig kallat'))).toEqual([]);
	});

	it('a started meeting cannot be cancelled (409)', async () => {
		const meetingId = await schedule('Redan startat', '2031-06-23T09:00', '2031-06-23T10:00');
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/start`, { confirmEarly: true })).status).toBe(200);
		const res = await chair.json('POST', `/api/v1/meetings/${meetingId}/cancel`, {});
		expect(res.status).toBe(409);
		expect(res.body.error.messageCode).toBe('meeting.cancel_after_start');
		expect((await admin.json('GET', `/api/v1/meetings/${meetingId}/lifecycle`)).body.lifecycle.status).toBe('in_progress');
	});

	it('a cancelled meeting leaves the upcoming meetings on the home page, and the forum lists it as cancelled', async () => {
		const meetingId = await schedule('Snart inställt', localIn(2), localIn(3));
		const home = async () => (await chair.request('GET', '/')).text();
		expect(await home()).toContain('Snart inställt');
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/cancel`, {})).status).toBe(200);
		expect(await home()).not.toContain('Snart inställt');
		const listed = (await chair.json('GET', `/api/v1/forums/${forumId}/meetings`)).body.meetings as { id: string; status: string }[];
		expect(listed.find((m) => m.id === meetingId)?.status).toBe('cancelled');
	});
});
