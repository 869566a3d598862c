/**
 * The outbox (Utkorg) on the embedded default, with no mail server: mails are
 * kept and readable as the recipient would get them; a customer's admin sees
 * only the mails about their customer, another customer gets 404 as for an
 * unknown id. Then with a relay that refuses an address: the mail is retried,
 * dead after the last attempt, and an admin sends it again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { startServer, type TestServer } from '../helpers/server';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';

interface Mail {
	id: string;
	kind: string;
	status: string;
	customerId: string | null;
	recipient: { email: string };
	subject: string;
	attempts: number;
	lastError: string | null;
}

async function norrbyForum(admin: ApiClient) {
	const customers = (await admin.json('GET', '/api/v1/customers')).body.customers as { id: string; name: string }[];
	const customerId = customers.find((c) => c.name.startsWith('Norrby'))!.id;
	const forums = (await admin.json('GET', `/api/v1/customers/${customerId}/forums`)).body.forums as { id: string; templateKey: string; members: { email: string }[] }[];
	return { customerId, forum: forums.find((f) => f.templateKey === 'operational')! };
}

async function publishNewMeeting(admin: ApiClient, forumId: string, title: string): Promise<string> {
	const res = await admin.json('POST', `/api/v1/forums/${forumId}/meetings`, { title, startsAt: '2031-06-02T09:00', endsAt: '2031-06-02T10:00' });
	expect(res.status).toBe(201);
	expect((await admin.json('POST', `/api/v1/meetings/${res.body.meeting.id}/publish`, {})).status).toBe(200);
	return res.body.meeting.id;
}

describe('without a mail server', () => {
	let server: TestServer;
	let admin: ApiClient;
	let customerAdmin: ApiClient;
	let member: ApiClient;
	let otherAdmin: ApiClient;
	let customerId: string;
	let members: string[];

	beforeAll(async () => {
		server = await startServer({ demo: true, env: { NOTIFY_POLL_MS: '150' } });
		admin = await new ApiClient(server.url).login('admin@itmastaren.example');
		customerAdmin = await new ApiClient(server.url).login('avtal@norrby.example');
		member = await new ApiClient(server.url).login('it@norrby.example');
		otherAdmin = await new ApiClient(server.url).login('avtal@vattensyd.example');
		const n = await norrbyForum(admin);
		customerId = n.customerId;
		members = n.forum.members.map((m) => m.email);
		await publishNewMeeting(admin, n.forum.id, 'Utkorgstest');
	}, 120_000);

	afterAll(async () => {
		await server?.stop();
	});

	it('keeps every kallelse in the outbox, one per member, readable as the recipient gets it', async () => {
		const kept = await expect
			.poll(async () => ((await customerAdmin.json('GET', `/api/v1/outbox?customerId=${customerId}&status=kept`)).body.mails as Mail[]).filter((m) => m.subject === 'Kallelse: Utkorgstest'), { timeout: 10_000 })
			.toHaveLength(members.length);
		void kept;
		const mails = ((await customerAdmin.json('GET', `/api/v1/outbox?customerId=${customerId}`)).body.mails as Mail[]).filter((m) => m.subject === 'Kallelse: Utkorgstest');
		expect(mails.map((m) => m.recipient.email).sort()).toEqual([...members].sort());
		const { status, body } = await customerAdmin.json('GET', `/api/v1/outbox/${mails[0].id}`);
		expect(status).toBe(200);
		expect(body.mail.text).toContain(`${server.url}/meetings/`);
		expect(body.mail.htmlBody).toContain('Utkorgstest');
		expect(body.mail.calendar).toContain('METHOD:REQUEST');
		// the page shows the same
		const page = await customerAdmin.get(`/outbox/${mails[0].id}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Kallelse: Utkorgstest');
	});

	it("answers another customer's admin as for an unknown id, and a member without admin rights with 403", async () => {
		const any = ((await admin.json('GET', '/api/v1/outbox')).body.mails as Mail[]).find((m) => m.customerId === customerId)!;
		expect((await otherAdmin.json('GET', `/api/v1/outbox?customerId=${customerId}`)).status).toBe(404);
		expect((await otherAdmin.json('GET', `/api/v1/outbox/${any.id}`)).status).toBe(404);
		expect((await otherAdmin.json('POST', `/api/v1/outbox/${any.id}/resend`, {})).status).toBe(404);
		expect((await otherAdmin.get(`/outbox/${any.id}`)).status).toBe(404);
		expect((await otherAdmin.get(`/customers/${customerId}/outbox`)).status).toBe(404);
		expect((await otherAdmin.json('GET', `/api/v1/outbox/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
		expect((await member.json('GET', `/api/v1/outbox?customerId=${customerId}`)).status).toBe(403);
		expect((await member.json('GET', `/api/v1/outbox/${any.id}`)).status).toBe(403);
		// the installation's whole outbox is the supplier admin's
		expect((await customerAdmin.json('GET', '/api/v1/outbox')).status).toBe(403);
		expect((await customerAdmin.get('/admin/outbox')).status).toBe(403);
		expect((await admin.get('/admin/outbox')).status).toBe(200);
		expect((await admin.json('GET', '/api/v1/outbox?status=bogus')).status).toBe(400);
	});
});

describe('with a relay that refuses one address', () => {
	let sink: SmtpSink;
	let server: TestServer;
	let admin: ApiClient;
	const refused = 'it@norrby.example';

	beforeAll(async () => {
		sink = await startSmtpSink();
		sink.refuse.add(refused);
		server = await startServer({
			demo: true,
			env: { SMTP_URL: sink.url, NOTIFY_POLL_MS: '100', NOTIFY_MAX_ATTEMPTS: '3', NOTIFY_RETRY_BASE_MS: '100' }
		});
		admin = await new ApiClient(server.url).login('admin@itmastaren.example');
		const { forum } = await norrbyForum(admin);
		expect(forum.members.map((m) => m.email)).toContain(refused);
		await publishNewMeeting(admin, forum.id, 'Studstest');
	}, 120_000);

	afterAll(async () => {
		await server?.stop();
		await sink?.close();
	});

	it('retries, marks the mail dead after the last attempt, and sends it when an admin resends it', async () => {
		const deadMail = async () => ((await admin.json('GET', '/api/v1/outbox?status=dead')).body.mails as Mail[]).find((m) => m.recipient.email === refused);
		await expect.poll(deadMail, { timeout: 15_000 }).toBeTruthy();
		const dead = (await deadMail())!;
		expect(dead.attempts).toBe(3);
		expect(dead.lastError).toMatch(/550|mailbox unavailable/);
		// the others went out
		expect(sink.mails.filter((m) => m.parsed.subject === 'Kallelse: Studstest').length).toBeGreaterThan(0);
		expect(sink.mailsTo(refused)).toEqual([]);

		// a sent mail cannot be "resent"; the dead one can, once the address works again
		const sent = ((await admin.json('GET', '/api/v1/outbox?status=sent')).body.mails as Mail[])[0];
		expect((await admin.json('POST', `/api/v1/outbox/${sent.id}/resend`, {})).status).toBe(409);
		sink.refuse.delete(refused);
		expect((await admin.json('POST', `/api/v1/outbox/${dead.id}/resend`, {})).status).toBe(204);
		await sink.waitFor(() => sink.mailsTo(refused).length === 1, 'the resent mail');
		expect(sink.mailsTo(refused)[0].parsed.subject).toBe('Kallelse: Studstest');
		await expect.poll(async () => (await admin.json('GET', `/api/v1/outbox/${dead.id}`)).body.mail.status).toBe('sent');
		// the resend is in the audit log
		const audit = (await admin.json('GET', '/api/v1/audit')).body.entries as { action: string; entityId: string }[];
		expect(audit.some((e) => e.action === 'outbox.resend' && e.entityId === dead.id)).toBe(true);
	});
});
