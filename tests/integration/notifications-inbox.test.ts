/**
 * The bell and each person's choices (issue 16), against the real server and
 * a real SMTP server in this process: an event puts a notification in every
 * member's bell with the headline in their language; marking read touches
 * only one's own; the choices (own, the customer admin's defaults, the
 * mandatory kinds) decide which mails go, which wait for the digest and which
 * stay in the bell only; and the bell's count reaches an open socket live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { roomClient, type RoomClient } from '../helpers/room-client';
import { startServer, type TestServer } from '../helpers/server';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { openTestDb } from '../helpers/test-db';

interface Member {
	email: string;
	party: 'supplier' | 'customer';
	personId: string;
}
interface Item {
	id: string;
	kind: string;
	headline: string;
	href: string;
	readAt: string | null;
}

let sink: SmtpSink;
let server: TestServer;
let admin: ApiClient;
let chair: ApiClient;
let customerAdmin: ApiClient;
let norrby: string;
let meetingId: string;
let members: Member[];
/** customer members besides the admin: [0] chose the bell only for approved minutes, [1] the digest */
let bellOnly: Member;
let digestReader: Member;
const clients = new Map<string, ApiClient>();
const sockets: RoomClient[] = [];

const TITLE = 'Klockmöte';
const as = async (email: string) => {
	let c = clients.get(email);
	if (!c) clients.set(email, (c = await new ApiClient(server.url).login(email)));
	return c;
};
const inbox = async (email: string) => {
	const res = await (await as(email)).json<{ items: Item[]; unread: number }>('GET', '/api/v1/me/notifications');
	expect(res.status).toBe(200);
	return res.body;
};
const outboxRows = async (personId: string, kind: string) => {
	const db = openTestDb(server.databaseUrl);
	try {
		return await db.selectFrom('notification_outbox').selectAll().where('person_id', '=', personId).where('kind', '=', kind as never).execute();
	} finally {
		await db.destroy();
	}
};

beforeAll(async () => {
	sink = await startSmtpSink();
	server = await startServer({ demo: true, env: { SMTP_URL: sink.url, NOTIFY_POLL_MS: '150' } });
	admin = await as('admin@itmastaren.example');
	chair = await as('bam@itmastaren.example');
	customerAdmin = await as('avtal@norrby.example');
	const customers = (await admin.json('GET', '/api/v1/customers')).body.customers as { id: string; name: string }[];
	norrby = customers.find((c) => c.name.startsWith('Norrby'))!.id;
	const forums = (await admin.json('GET', `/api/v1/customers/${norrby}/forums`)).body.forums as { id: string; templateKey: string; members: Member[] }[];
	const forum = forums.find((f) => f.templateKey === 'operational')!;
	members = forum.members;
	const others = members.filter((m) => m.party === 'customer' && m.email !== 'avtal@norrby.example');
	expect(others.length).toBeGreaterThanOrEqual(2);
	[bellOnly, digestReader] = others;
	const res = await admin.json('POST', `/api/v1/forums/${forum.id}/meetings`, { title: TITLE, startsAt: '2031-06-10T09:00', endsAt: '2031-06-10T10:00' });
	expect(res.status).toBe(201);
	meetingId = res.body.meeting.id;
}, 120_000);

afterAll(async () => {
	for (const s of sockets) s.close();
	await server?.stop();
	await sink?.close();
});

describe('choices', () => {
	it('a mandatory kind cannot be switched off: 400 with a coded field error, and nothing of the request is saved', async () => {
		const me = await as(bellOnly.email);
		const res = await me.json('PUT', '/api/v1/me/notification-preferences', {
			choices: [
				{ kind: 'minutes.approved', mode: 'digest' },
				{ kind: 'meeting.invitation', mode: 'inapp' }
			]
		});
		expect(res.status).toBe(400);
		expect(res.body.error.fieldCodes['choices.1.mode']).toEqual({ code: 'notification.mandatory' });
		const prefs = (await me.json('GET', '/api/v1/me/notification-preferences')).body.preferences;
		expect(prefs.kinds.find((k: { kind: string }) => k.kind === 'minutes.approved')).toMatchObject({ own: null, source: 'default', mode: 'email' });
		expect(prefs.localeSaved).toBe(false);
		// mail is what a mandatory kind is anyway: accepted
		expect((await me.json('PUT', '/api/v1/me/notification-preferences', { choices: [{ kind: 'meeting.invitation', mode: 'email' }] })).status).toBe(200);
	});

	it('an unknown kind or mode is refused with a field error', async () => {
		const me = await as(bellOnly.email);
		const res = await me.json('PUT', '/api/v1/me/notification-preferences', { choices: [{ kind: 'meeting.party', mode: 'pigeon' }] });
		expect(res.status).toBe(400);
		expect(res.body.error.fieldCodes['choices.0.kind'].code).toBe('field.choose');
		expect(res.body.error.fieldCodes['choices.0.mode'].code).toBe('field.choose');
	});

	it('each person saves their own; the first save keeps the UI language for mails', async () => {
		const mine = await (await as(bellOnly.email)).json('PUT', '/api/v1/me/notification-preferences', { choices: [{ kind: 'minutes.approved', mode: 'inapp' }] });
		expect(mine.status).toBe(200);
		expect(mine.body.preferences.kinds.find((k: { kind: string }) => k.kind === 'minutes.approved')).toMatchObject({ own: 'inapp', mode: 'inapp', source: 'own' });
		expect(mine.body.preferences).toMatchObject({ locale: 'sv', localeSaved: true });
		const digest = await (await as(digestReader.email)).json('PUT', '/api/v1/me/notification-preferences', { choices: [{ kind: 'minutes.approved', mode: 'digest' }], locale: 'en' });
		expect(digest.body.preferences).toMatchObject({ locale: 'en', localeSaved: true });
	});

	it("the customer admin sets her people's defaults; another customer's admin gets 404 like an unknown id, a member 403", async () => {
		const set = await customerAdmin.json('PUT', `/api/v1/customers/${norrby}/notification-defaults`, { choices: [{ kind: 'minutes.approved', mode: 'inapp' }] });
		expect(set.status).toBe(200);
		expect(set.body.defaults.find((k: { kind: string }) => k.kind === 'minutes.approved')).toMatchObject({ own: 'inapp', mode: 'inapp' });
		// she chose nothing herself: her organisation's default applies to her
		const hers = (await customerAdmin.json('GET', '/api/v1/me/notification-preferences')).body.preferences;
		expect(hers.kinds.find((k: { kind: string }) => k.kind === 'minutes.approved')).toMatchObject({ own: null, mode: 'inapp', source: 'customer' });
		// the mandatory kinds stay mail for the customer's defaults too
		expect((await customerAdmin.json('PUT', `/api/v1/customers/${norrby}/notification-defaults`, { choices: [{ kind: 'minutes.approval_requested', mode: 'digest' }] })).status).toBe(400);

		const other = await as('avtal@vattensyd.example');
		const foreign = await other.json('GET', `/api/v1/customers/${norrby}/notification-defaults`);
		const unknown = await other.json('GET', `/api/v1/customers/00000000-0000-4000-8000-000000000000/notification-defaults`);
		expect(foreign.status).toBe(404);
		expect(foreign.body).toEqual(unknown.body);
		expect((await other.json('PUT', `/api/v1/customers/${norrby}/notification-defaults`, { choices: [{ kind: 'minutes.approved', mode: 'email' }] })).status).toBe(404);
		expect((await (await as(bellOnly.email)).json('GET', `/api/v1/customers/${norrby}/notification-defaults`)).status).toBe(403);
		// the supplier admin may set any customer's
		expect((await admin.json('GET', `/api/v1/customers/${norrby}/notification-defaults`)).status).toBe(200);
		// the change is in the customer's audit log, for its admin to see
		const audit = await customerAdmin.json<{ entries: { action: string; after: unknown }[] }>('GET', `/api/v1/audit?customerId=${norrby}`);
		expect(audit.body.entries.find((e) => e.action === 'notification_defaults.set')?.after).toEqual({ 'minutes.approved': 'inapp' });
		// the page: its admin opens it from the customer page; the other customer's admin gets 404
		expect(await (await customerAdmin.get(`/customers/${norrby}`)).text()).toContain(`/customers/${norrby}/notifications`);
		expect((await customerAdmin.get(`/customers/${norrby}/notifications`)).status).toBe(200);
		expect((await other.get(`/customers/${norrby}/notifications`)).status).toBe(404);
		expect(await (await (await as(bellOnly.email)).get(`/customers/${norrby}`)).text()).not.toContain(`/customers/${norrby}/notifications`);
	});
});

describe('the bell', () => {
	it("the kallelse reaches every member's bell with its headline, and an open page's socket hears the new count live", async () => {
		const socket = roomClient(server.url, (await as(bellOnly.email)).sessionCookie, { origin: server.url });
		sockets.push(socket);
		const heard: number[] = [];
		socket.socket.on('notifications:changed', (e) => heard.push(e.unread));
		await new Promise<void>((resolve, reject) => {
			socket.socket.once('connect', () => resolve());
			socket.socket.once('connect_error', reject);
		});
		const before = (await inbox(bellOnly.email)).unread;
		expect((await admin.json('POST', `/api/v1/meetings/${meetingId}/publish`, {})).status).toBe(200);
		await expect.poll(() => heard.at(-1), { timeout: 10_000 }).toBe(before + 1);
		for (const m of members) {
			const bell = await inbox(m.email);
			const item = bell.items.find((i) => i.kind === 'meeting.invitation' && i.href === `/meetings/${meetingId}`);
			expect(item, m.email).toBeTruthy();
			expect(item!.headline).toBe(`Kallelse: ${TITLE}`);
			expect(item!.readAt).toBeNull();
		}
		// in the reader's UI language (the language cookie), whatever their mail language
		const res = await fetch(`${server.url}/api/v1/me/notifications`, { headers: { cookie: `${(await as(digestReader.email)).sessionCookie}; PARAGLIDE_LOCALE=en` } });
		const english = (await res.json()) as { items: Item[] };
		expect(english.items.find((i) => i.href === `/meetings/${meetingId}`)!.headline).toBe(`Invitation: ${TITLE}`);
		// nobody of another customer hears of it
		expect((await inbox('avtal@vattensyd.example')).items.some((i) => i.href === `/meetings/${meetingId}`)).toBe(false);
	});

	it("marks one's own read, never another's: someone else's ids stay unread and nothing of them shows", async () => {
		const mine = await inbox(bellOnly.email);
		const theirs = await inbox(digestReader.email);
		expect(theirs.unread).toBeGreaterThan(0);
		const theirIds = theirs.items.filter((i) => !i.readAt).map((i) => i.id);
		expect(mine.items.some((i) => theirIds.includes(i.id))).toBe(false);
		const sneaky = await (await as(bellOnly.email)).json('POST', '/api/v1/me/notifications/read', { ids: theirIds });
		expect(sneaky.status).toBe(200);
		expect(sneaky.body.marked).toBe(0);
		expect((await inbox(digestReader.email)).unread).toBe(theirs.unread);

		const one = mine.items.find((i) => !i.readAt)!;
		const read = await (await as(bellOnly.email)).json('POST', '/api/v1/me/notifications/read', { ids: [one.id] });
		expect(read.body).toEqual({ marked: 1, unread: mine.unread - 1 });
		const all = await (await as(bellOnly.email)).json('POST', '/api/v1/me/notifications/read', { all: true });
		expect(all.body.unread).toBe(0);
		const after = await inbox(bellOnly.email);
		expect(after.unread).toBe(0);
		expect(after.items.every((i) => i.readAt !== null)).toBe(true);
		// bad input changes nothing
		expect((await (await as(digestReader.email)).json('POST', '/api/v1/me/notifications/read', { ids: ['nope'] })).status).toBe(400);
		expect((await (await as(digestReader.email)).json('POST', '/api/v1/me/notifications/read', {})).status).toBe(400);
		expect((await inbox(digestReader.email)).unread).toBe(theirs.unread);
	});

	it("the approved minutes: 'bell only' sends no mail but the bell has it; 'digest' holds the mail for 07:00 Stockholm; the customer's default applies to those without their own", async () => {
		const adjuster = (await customerAdmin.json('GET', '/api/v1/me')).body.person.personId as string;
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/start`, { confirmEarly: true })).status).toBe(200);
		expect((await admin.json('PUT', `/api/v1/meetings/${meetingId}/adjuster`, { personId: adjuster })).status).toBe(200);
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/end`, {})).status).toBe(200);
		// the justering request is mandatory: the adjuster gets it by mail whatever her organisation chose
		await sink.waitFor(() => sink.mailsTo('avtal@norrby.example').some((m) => m.parsed.subject === `Protokoll att justera: ${TITLE}`), 'the request to the adjuster');
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/approve`, {})).status).toBe(200);
		expect((await customerAdmin.json('POST', `/api/v1/meetings/${meetingId}/approve`, {})).body.approved).toBe(true);
		const suppliers = members.filter((m) => m.party === 'supplier');
		const approvedMail = (email: string) => sink.mailsTo(email).some((m) => /^(Justerat protokoll|Approved minutes): /.test(m.parsed.subject ?? ''));
		await sink.waitFor(() => suppliers.every((m) => approvedMail(m.email)), 'the approved minutes to the supplier side (no default, no choice: mail)');
		for (const email of [bellOnly.email, 'avtal@norrby.example']) {
			await expect.poll(async () => (await inbox(email)).items.some((i) => i.kind === 'minutes.approved' && i.headline === `Justerat protokoll: ${TITLE}`), { timeout: 10_000 }).toBe(true);
		}
		await new Promise((r) => setTimeout(r, 600)); // a worker round or more: nothing more arrives
		expect(approvedMail(bellOnly.email)).toBe(false);
		expect(approvedMail('avtal@norrby.example')).toBe(false);
		expect(approvedMail(digestReader.email)).toBe(false);
		expect((await outboxRows(bellOnly.personId, 'minutes.approved')).map((r) => r.channel)).toEqual(['inapp']);

		const held = (await outboxRows(digestReader.personId, 'minutes.approved')).find((r) => r.channel === 'email')!;
		expect(held.status).toBe('digest');
		const at = new Date(held.next_attempt_at);
		const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }).format(at);
		expect(stockholm).toBe('07:00');
		expect(at.getTime() - Date.parse(held.created_at)).toBeGreaterThan(0);
		expect(at.getTime() - Date.parse(held.created_at)).toBeLessThanOrEqual(24 * 3600_000);
		// the English reader's bell has it too
		expect((await inbox(digestReader.email)).items.some((i) => i.kind === 'minutes.approved')).toBe(true);
	});

	it('visiting /notifications lists them and marks them read', async () => {
		expect((await inbox(digestReader.email)).unread).toBeGreaterThan(0);
		const res = await (await as(digestReader.email)).get('/notifications');
		expect(res.status).toBe(200);
		expect(await res.text()).toContain(`Justerat protokoll: ${TITLE}`);
		expect((await inbox(digestReader.email)).unread).toBe(0);
	});
});
