/**
 * Delivery you can trust (issue 16): the outbox's worker is killed (kill -9)
 * while the relay has not yet accepted a mail, and a restarted server
 * delivers every notification of the events committed before the kill,
 * exactly once; and two instances on one database deliver each mail once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { startServer, type TestServer } from '../helpers/server';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';

const servers: TestServer[] = [];
let sink: SmtpSink | undefined;

afterEach(async () => {
	for (const s of servers.splice(0).reverse()) await s.stop().catch(() => {});
	await sink?.close();
	sink = undefined;
});

async function setUp(server: TestServer) {
	const admin = await new ApiClient(server.url).login('admin@itmastaren.example');
	const customers = (await admin.json('GET', '/api/v1/customers')).body.customers as { id: string; name: string }[];
	const norrby = customers.find((c) => c.name.startsWith('Norrby'))!.id;
	const forums = (await admin.json('GET', `/api/v1/customers/${norrby}/forums`)).body.forums as { id: string; templateKey: string; members: { email: string }[] }[];
	const forum = forums.find((f) => f.templateKey === 'operational')!;
	return { admin, forumId: forum.id, members: forum.members.map((m) => m.email) };
}

async function publish(admin: ApiClient, forumId: string, title: string): Promise<void> {
	const res = await admin.json('POST', `/api/v1/forums/${forumId}/meetings`, { title, startsAt: '2031-09-01T09:00', endsAt: '2031-09-01T10:00' });
	expect(res.status).toBe(201);
	expect((await admin.json('POST', `/api/v1/meetings/${res.body.meeting.id}/publish`, {})).status).toBe(200);
}

/** Each member's mails with this subject: exactly one each, and nobody else's. */
function expectOncePerMember(members: string[], subject: string) {
	const got = sink!.mails.filter((m) => m.parsed.subject === subject).map((m) => m.to);
	expect(got.sort()).toEqual([...members].sort());
}

describe('delivery of the outbox', () => {
	it('after a kill -9 mid-send, a restarted server delivers every committed notification exactly once', async () => {
		sink = await startSmtpSink();
		const env = { SMTP_URL: sink.url, NOTIFY_POLL_MS: '100', NOTIFY_LEASE_MS: '1500' };
		const first = await startServer({ demo: true, env });
		servers.push(first);
		const { admin, forumId, members } = await setUp(first);
		// the relay holds the first mail's DATA unanswered: the worker is mid-send when it dies
		sink.hold(true);
		await publish(admin, forumId, 'Kill-test');
		await expect.poll(() => sink!.held(), { timeout: 10_000 }).toBeGreaterThan(0);
		await first.kill();
		// what the relay held was never accepted: the sender hung up before the answer
		await expect.poll(() => sink!.openSessions(), { timeout: 5_000 }).toBe(0);
		sink.hold(false);
		expect(sink.mails).toEqual([]);

		const second = await startServer({ demo: true, env, dataDir: first.dataDir });
		servers.push(second);
		await sink.waitFor(() => members.every((m) => sink!.mailsTo(m).length >= 1), 'every kallelse after the restart', 20_000);
		// the leases of the dead worker have run out and nothing is sent twice
		await new Promise((r) => setTimeout(r, 2_000));
		expectOncePerMember(members, 'Kallelse: Kill-test');
	}, 150_000);

	it('two instances on one database deliver each mail once', async () => {
		sink = await startSmtpSink();
		const env = { SMTP_URL: sink.url, NOTIFY_POLL_MS: '50' };
		const a = await startServer({ demo: true, env: { ...env, INSTANCE_ID: 'A' } });
		servers.push(a);
		const b = await startServer({ databaseUrl: a.databaseUrl, env: { ...env, INSTANCE_ID: 'B' } });
		servers.push(b);
		const { admin, forumId, members } = await setUp(a);
		const titles = ['Två-1', 'Två-2', 'Två-3'];
		for (const t of titles) await publish(admin, forumId, t);
		await sink.waitFor(() => members.every((m) => sink!.mailsTo(m).length >= titles.length), 'three kallelser to every member', 20_000);
		await new Promise((r) => setTimeout(r, 1_000));
		for (const t of titles) expectOncePerMember(members, `Kallelse: ${t}`);
		const ids = sink.mails.map((m) => `${m.to} ${m.parsed.messageId}`);
		expect(new Set(ids).size).toBe(ids.length);
	}, 150_000);
});
