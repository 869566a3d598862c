/**
 * Notifications by mail (issue 16), end to end: the real server sends over
 * SMTP to a real SMTP server in this process, and the mails are read as a
 * recipient's mail server gets them: the kallelse with its calendar part
 * (read with ical.js), its update, the request to approve, the approved
 * minutes with the PDF; each in its recipient's language, with links to the
 * exact page, and nothing to anyone outside the forum's customer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import type * as Y from 'yjs';
import { meetingAgendaDoc } from '../../src/lib/realtime/doc-names';
import { ApiClient } from '../helpers/api-client';
import { connectClient, synced, type CollabClient } from '../helpers/collab-client';
import { startServer, type TestServer } from '../helpers/server';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../helpers/smtp-sink';
import { openTestDb } from '../helpers/test-db';

let sink: SmtpSink;
let server: TestServer;
let admin: ApiClient;
let chair: ApiClient;
let customerAdmin: ApiClient;
let meetingId: string;
let members: { email: string; party: 'supplier' | 'customer'; personId: string }[];
let englishReader: string;
const clients: CollabClient[] = [];

const calendarOf = (mail: ReceivedMail) => {
	const part = mail.parsed.attachments.find((a) => a.contentType === 'text/calendar');
	if (!part) throw new Error(`no calendar part in "${mail.parsed.subject}"`);
	const cal = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
	const event = cal.getFirstSubcomponent('vevent')!;
	return {
		method: String(cal.getFirstPropertyValue('method')),
		uid: String(event.getFirstPropertyValue('uid')),
		sequence: Number(event.getFirstPropertyValue('sequence')),
		attendee: String(event.getFirstPropertyValue('attendee')),
		organizer: String(event.getFirstPropertyValue('organizer'))
	};
};

const subjects = (email: string) => sink.mailsTo(email).map((m) => m.parsed.subject ?? '');

beforeAll(async () => {
	sink = await startSmtpSink();
	server = await startServer({ demo: true, env: { SMTP_URL: sink.url, MAIL_FROM: 'Samverkan <samverkan@itmastaren.example>', NOTIFY_POLL_MS: '150' } });
	admin = await new ApiClient(server.url).login('admin@itmastaren.example');
	chair = await new ApiClient(server.url).login('bam@itmastaren.example');
	customerAdmin = await new ApiClient(server.url).login('avtal@norrby.example');
	const customers = (await admin.json('GET', '/api/v1/customers')).body.customers as { id: string; name: string }[];
	const norrby = customers.find((c) => c.name.startsWith('Norrby'))!.id;
	const forums = (await admin.json('GET', `/api/v1/customers/${norrby}/forums`)).body.forums as {
		id: string;
		templateKey: string;
		members: { email: string; personId: string; party: 'supplier' | 'customer' }[];
	}[];
	const forum = forums.find((f) => f.templateKey === 'operational')!;
	members = forum.members;
	const res = await admin.json('POST', `/api/v1/forums/${forum.id}/meetings`, { title: 'Notistest', startsAt: '2031-05-12T09:00', endsAt: '2031-05-12T10:30', location: 'Rum 4' });
	expect(res.status).toBe(201);
	meetingId = res.body.meeting.id;
	// one customer member reads mail in English
	englishReader = members.find((m) => m.party === 'customer' && m.email !== 'avtal@norrby.example')!.email;
	const db = openTestDb(server.databaseUrl);
	try {
		const person = members.find((m) => m.email === englishReader)!;
		await db.insertInto('notification_settings').values({ person_id: person.personId, locale: 'en', updated_at: new Date().toISOString() }).execute();
	} finally {
		await db.destroy();
	}
}, 120_000);

afterAll(async () => {
	for (const c of clients) c.destroy();
	await server?.stop();
	await sink?.close();
});

describe('the kallelse', () => {
	it('goes to every member of the forum, both sides, with the agenda, a link and a calendar invitation', async () => {
		expect(members.some((m) => m.party === 'supplier') && members.some((m) => m.party === 'customer')).toBe(true);
		expect((await admin.json('POST', `/api/v1/meetings/${meetingId}/publish`, {})).status).toBe(200);
		await sink.waitFor(() => members.every((m) => sink.mailsTo(m.email).length >= 1), 'a kallelse to every member');
		for (const m of members) {
			const [mail] = sink.mailsTo(m.email);
			const english = m.email === englishReader;
			expect(mail.parsed.subject).toBe(english ? 'Invitation: Notistest' : 'Kallelse: Notistest');
			expect(mail.parsed.from?.value[0].address).toBe('samverkan@itmastaren.example');
			expect(mail.parsed.text).toContain(`${server.url}/meetings/${meetingId}`);
			expect(mail.parsed.text).toContain(english ? 'Agenda:' : 'Dagordning:');
			expect(mail.parsed.text).toContain(english ? 'Monday, 12 May 2031 09:00–10:30' : 'måndag 12 maj 2031 09:00–10:30');
			expect(mail.parsed.html).toContain(`href="${server.url}/meetings/${meetingId}"`);
			const cal = calendarOf(mail);
			expect(cal.method).toBe('REQUEST');
			expect(cal.uid).toBe(`${meetingId}@127.0.0.1`);
			expect(cal.attendee.toLowerCase()).toBe(`mailto:${m.email}`);
			expect(cal.organizer.toLowerCase()).toBe('mailto:samverkan@itmastaren.example');
		}
		// nobody outside the forum's customer and the supplier got anything
		const allowed = new Set(members.map((m) => m.email));
		expect(sink.mails.filter((m) => !allowed.has(m.to))).toEqual([]);
	});

	it('published again after a change: an update with the same UID, a higher SEQUENCE and what changed', async () => {
		const first = calendarOf(sink.mailsTo(members[0].email)[0]);
		const agenda = connectClient(server.url, meetingAgendaDoc(meetingId), admin.sessionCookie);
		clients.push(agenda);
		await synced(agenda);
		const item = agenda.doc.getArray<Y.Map<unknown>>('items').get(0);
		const title = item.get('title') as Y.Text;
		title.insert(0, 'Ändrad: ');
		await agenda.flush();
		const changedTitle = title.toString();
		// the projection of the agenda is what publishing reads
		await expect.poll(async () => (await admin.json('GET', `/api/v1/meetings/${meetingId}/lifecycle`)).body.lifecycle.agendaChangedSincePublished, { timeout: 10_000 }).toBe(true);
		await new Promise((r) => setTimeout(r, 1100)); // SEQUENCE counts seconds since creation
		expect((await admin.json('POST', `/api/v1/meetings/${meetingId}/publish`, {})).status).toBe(200);
		await sink.waitFor(() => members.every((m) => sink.mailsTo(m.email).length >= 2), 'an update to every member');
		for (const m of members) {
			const update = sink.mailsTo(m.email)[1];
			const english = m.email === englishReader;
			expect(update.parsed.subject).toBe(english ? 'Updated invitation: Notistest' : 'Ändrad kallelse: Notistest');
			expect(update.parsed.text).toContain(english ? `Changed item: ${changedTitle}` : `Ändrad punkt: ${changedTitle}`);
			const cal = calendarOf(update);
			expect(cal.method).toBe('REQUEST');
			expect(cal.uid).toBe(first.uid);
			expect(cal.sequence).toBeGreaterThan(first.sequence);
		}
		// published again with nothing changed: nobody is mailed
		const before = sink.mails.length;
		expect((await admin.json('POST', `/api/v1/meetings/${meetingId}/publish`, {})).status).toBe(200);
		await new Promise((r) => setTimeout(r, 1000));
		expect(sink.mails.length).toBe(before);
	});
});

describe('decision material', () => {
	it('tells every other participant when material is put out, in their language, with the file and its version', async () => {
		const pdf = new TextEncoder().encode('%PDF-1.4\n% underlag\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
		const res = await fetch(`${server.url}/api/v1/meetings/${meetingId}/material?${new URLSearchParams({ fileName: 'Budget 2032.pdf' })}`, {
			method: 'POST',
			headers: { cookie: chair.sessionCookie, 'content-type': 'application/octet-stream' },
			body: pdf
		});
		expect(res.status).toBe(201);
		const others = members.filter((m) => m.email !== 'bam@itmastaren.example');
		await sink.waitFor(() => others.every((m) => subjects(m.email).some((s) => /^(Underlag till|Material for) Notistest$/.test(s))), 'the material notice to every other member');
		for (const m of others) {
			const mail = sink.mailsTo(m.email).find((x) => /^(Underlag till|Material for) Notistest$/.test(x.parsed.subject ?? ''))!;
			expect(mail.parsed.subject).toBe(m.email === englishReader ? 'Material for Notistest' : 'Underlag till Notistest');
			expect(mail.parsed.text).toContain(m.email === englishReader ? 'Budget 2032.pdf (version 1)' : 'Budget 2032.pdf (version 1)');
		}
		// the one who put it out is not told
		expect(subjects('bam@itmastaren.example').some((s) => s.startsWith('Underlag till'))).toBe(false);
	});
});

describe('justering', () => {
	it('asks the chair and the adjuster when the meeting ends', async () => {
		const adjuster = (await customerAdmin.json('GET', '/api/v1/me')).body.person.personId as string;
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/start`, { confirmEarly: true })).status).toBe(200);
		expect((await admin.json('PUT', `/api/v1/meetings/${meetingId}/adjuster`, { personId: adjuster })).status).toBe(200);
		const lifecycle = (await chair.json('POST', `/api/v1/meetings/${meetingId}/end`, {})).body.lifecycle;
		expect(lifecycle.status).toBe('minutes_draft');
		await sink.waitFor(() => subjects('avtal@norrby.example').includes('Protokoll att justera: Notistest'), 'the request to the adjuster');
		const toAdjuster = sink.mailsTo('avtal@norrby.example').find((m) => m.parsed.subject === 'Protokoll att justera: Notistest')!;
		expect(toAdjuster.parsed.text).toContain('Du är utsedd till justerare.');
		// the chair: the demo forum's supplier side holds it
		await sink.waitFor(() => sink.mails.some((m) => m.parsed.text?.includes('Som ordförande justerar du det.')), 'the request to the chair');
		const asked = sink.mails.filter((m) => m.parsed.subject === 'Protokoll att justera: Notistest').map((m) => m.to);
		expect(asked).toContain('bam@itmastaren.example');
		// members without a part in justering are not asked
		expect(asked.every((to) => to === 'avtal@norrby.example' || members.find((m) => m.email === to)?.party === 'supplier')).toBe(true);
	});

	it('sends the approved minutes as a PDF to every member once both have approved', async () => {
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/approve`, {})).status).toBe(200);
		const done = await customerAdmin.json('POST', `/api/v1/meetings/${meetingId}/approve`, {});
		expect(done.body.approved).toBe(true);
		await sink.waitFor(() => members.every((m) => sink.mailsTo(m.email).some((x) => /^(Justerat protokoll|Approved minutes): Notistest$/.test(x.parsed.subject ?? ''))), 'the approved minutes to every member', 25_000); // a PDF for each: slow on a loaded machine
		for (const m of members) {
			const mail = sink.mailsTo(m.email).find((x) => /^(Justerat protokoll|Approved minutes)/.test(x.parsed.subject ?? ''))!;
			const pdf = mail.parsed.attachments.find((a) => a.contentType === 'application/pdf');
			expect(pdf, `PDF to ${m.email}`).toBeTruthy();
			expect(pdf!.content.subarray(0, 5).toString()).toBe('%PDF-');
			expect(pdf!.filename).toMatch(/\.pdf$/);
		}
	});

	it('every mail went once: one per event, recipient and kind, each with its own Message-ID', async () => {
		await new Promise((r) => setTimeout(r, 500));
		const ids = sink.mails.map((m) => `${m.to} ${m.parsed.messageId}`);
		expect(new Set(ids).size).toBe(ids.length);
		const db = openTestDb(server.databaseUrl);
		try {
			const rows = await db.selectFrom('notification_outbox').select(['status', 'channel']).execute();
			expect(rows.filter((r) => r.channel === 'email').every((r) => r.status === 'sent')).toBe(true);
			expect(rows.filter((r) => r.channel === 'email').length).toBe(sink.mails.length);
		} finally {
			await db.destroy();
		}
	});
});
