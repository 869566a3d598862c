/**
 * "Find anything" (issue 18, part 4) on the real server and database (SQLite
 * and PostgreSQL): a decision of a past, approved meeting is found by an
 * inflected word ("brandväggen" finds "brandvägg"), through the projection
 * of the minutes written by a real collab client; a customer's people never
 * get another customer's hits nor the supplier's internal notes, material
 * or articles; the supplier finds both customers'. Every hit is written
 * through the real write paths (documents, lifecycle, material upload).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { meetingInternalDoc, meetingMinutesDoc, meetingAgendaDoc } from '../../src/lib/realtime/doc-names';
import { agendaItems, agendaItemMap } from '../../src/lib/realtime/agenda-doc';
import { headlessMinutes } from '../../src/lib/server/domain/collab/headless-minutes';
import { ApiClient } from '../helpers/api-client';
import { connectClient, eventuallyAsync, synced, type CollabClient } from '../helpers/collab-client';
import { demoIds, NORRBY, VATTENSYD, type DemoIds } from '../helpers/demo-ids';
import { minutesWriter } from '../helpers/minutes-writer';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let ids: DemoIds;
let admin: ApiClient;
let chair: ApiClient;
let norrbyAdmin: ApiClient;
let norrbyMember: ApiClient;
let otherAdmin: ApiClient;
const clients: CollabClient[] = [];

/** Norrby's past meeting (approved) and Vattenbolaget's meeting, each with a decision about the firewall. */
let norrbyMeeting: string;
let otherMeeting: string;
const NORRBY_DECISION = crypto.randomUUID();
const OTHER_DECISION = crypto.randomUUID();
let internalMaterial: string;

interface Hit {
	kind: string;
	id: string;
	href: string;
	title: { text: string; hit: boolean }[];
	snippet: { text: string; hit: boolean }[];
	meeting: { id: string; title: string; startsAt: string } | null;
	customerId: string | null;
}

const search = async (client: ApiClient, q: string) => {
	const res = await client.json('GET', `/api/v1/search?q=${encodeURIComponent(q)}`);
	expect(res.status, JSON.stringify(res.body)).toBe(200);
	return res.body as { terms: string[]; mode: string; hits: Hit[] };
};
const text = (segments: Hit['snippet']) => segments.map((s) => s.text).join('');

function client(docName: string, cookie: string, connect = true) {
	const c = connectClient(server.url, docName, cookie, { connect });
	clients.push(c);
	return c;
}

/** Appends a paragraph to a rich-text document (minutes-like: the internal notes). */
async function appendParagraph(docName: string, cookie: string, paragraph: string) {
	const c = client(docName, cookie, false);
	const { editor, follow, write } = headlessMinutes(c.doc);
	follow();
	write();
	c.provider.connect();
	await synced(c);
	editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode(paragraph))), { discrete: true });
	await c.flush();
}

async function writeDecision(meetingId: string, cookie: string, decisionId: string, decision: string, paragraph: string) {
	const c = client(meetingMinutesDoc(meetingId), cookie, false);
	const writer = minutesWriter(c.doc);
	c.provider.connect();
	await synced(c);
	writer.appendDecision(decisionId, decision, paragraph);
	await c.flush();
}

async function upload(meetingId: string, fileName: string, internal: boolean) {
	const res = await fetch(`${server.url}/api/v1/meetings/${meetingId}/material?fileName=${encodeURIComponent(fileName)}&internal=${internal}`, {
		method: 'POST',
		headers: { cookie: admin.sessionCookie, 'content-type': 'application/octet-stream' },
		body: '%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'
	});
	expect(res.status).toBe(201);
	return (await res.json()).material.id as string;
}

beforeAll(async () => {
	server = await startServer({ demo: true });
	ids = await demoIds(server.url);
	admin = await new ApiClient(server.url).login('admin@itmastaren.example');
	// the operational forum's chair in the demo
	chair = await new ApiClient(server.url).login('bam@itmastaren.example');
	norrbyAdmin = await new ApiClient(server.url).login('avtal@norrby.example');
	norrbyMember = await new ApiClient(server.url).login('it@norrby.example');
	otherAdmin = await new ApiClient(server.url).login('avtal@vattensyd.example');
	const norrby = ids.customers[NORRBY];
	const other = ids.customers[VATTENSYD];

	// Norrby: a meeting last spring, held and approved through the real lifecycle
	const scheduled = await admin.json('POST', `/api/v1/forums/${norrby.forums.operational.id}/meetings`, {
		title: 'Driftmöte om nätet',
		startsAt: '2026-04-14T09:00',
		endsAt: '2026-04-14T10:00'
	});
	expect(scheduled.status).toBe(201);
	norrbyMeeting = scheduled.body.meeting.id;
	const agenda = client(meetingAgendaDoc(norrbyMeeting), admin.sessionCookie);
	await synced(agenda);
	agendaItems(agenda.doc).push([agendaItemMap({ id: crypto.randomUUID(), title: 'Nätverkets säkerhet', kind: 'other', plannedMinutes: 20, presenter: null, notes: 'Brandväggarnas regler ses över.', carriedFromMeetingId: null, done: false })]);
	await agenda.flush();
	expect((await admin.json('POST', `/api/v1/meetings/${norrbyMeeting}/publish`, {})).status).toBe(200);
	expect((await chair.json('POST', `/api/v1/meetings/${norrbyMeeting}/start`, { confirmEarly: true })).status).toBe(200);
	await writeDecision(norrbyMeeting, chair.sessionCookie, NORRBY_DECISION, 'Kommunen byter brandvägg i stadshuset före sommaren.', 'Nätet diskuterades.');
	// the supplier's own notes and material about the same firewall
	await appendParagraph(meetingInternalDoc(norrbyMeeting), admin.sessionCookie, 'Internt: brandväggen i stadshuset saknar support, offerera ny.');
	internalMaterial = await upload(norrbyMeeting, 'brandvagg-offert-internt.pdf', true);
	await upload(norrbyMeeting, 'natverksplan.pdf', false);
	const adjuster = (await norrbyAdmin.json('GET', '/api/v1/me')).body.person.personId;
	expect((await admin.json('PUT', `/api/v1/meetings/${norrbyMeeting}/adjuster`, { personId: adjuster })).status).toBe(200);
	expect((await chair.json('POST', `/api/v1/meetings/${norrbyMeeting}/end`, {})).status).toBe(200);
	expect((await chair.json('POST', `/api/v1/meetings/${norrbyMeeting}/approve`, {})).status).toBe(200);
	const approved = await norrbyAdmin.json('POST', `/api/v1/meetings/${norrbyMeeting}/approve`, {});
	expect(approved.body.lifecycle.status).toBe('minutes_approved');

	// Vattenbolaget: a decision about its own firewall in one of its meetings
	otherMeeting = other.meetings[other.forums.operational.id][0];
	await writeDecision(otherMeeting, admin.sessionCookie, OTHER_DECISION, 'Vattenbolaget byter brandvägg vid reningsverket.', 'Nätet diskuterades.');

	// the projection runs in the background: wait until the supplier finds all three
	const wanted = [`decision:${NORRBY_DECISION}`, `decision:${OTHER_DECISION}`, `internal:${norrbyMeeting}`];
	let found: string[] = [];
	await eventuallyAsync(
		async () => {
			found = (await search(admin, 'brandvägg')).hits.map((h) => h.id);
			return wanted.every((id) => found.includes(id));
		},
		20_000,
		'the decisions and notes in the search index'
	).catch((err: Error) => {
		throw new Error(`${err.message}: found ${found.join(', ')}`);
	});
}, 120_000);

afterAll(async () => {
	for (const c of clients) c.destroy();
	await server?.stop();
});

describe('find anything', () => {
	it('a customer finds the decision of a past approved meeting by an inflected word ("brandväggen" → "brandvägg")', async () => {
		for (const person of [norrbyAdmin, norrbyMember]) {
			const r = await search(person, 'brandväggen');
			expect(r.terms).toEqual(['brandvägg']);
			const decision = r.hits.find((h) => h.id === `decision:${NORRBY_DECISION}`);
			expect(decision, JSON.stringify(r.hits.map((h) => h.id))).toBeDefined();
			expect(decision).toMatchObject({ kind: 'decision', href: `/meetings/${norrbyMeeting}#decision-${NORRBY_DECISION}`, meeting: { id: norrbyMeeting, title: 'Driftmöte om nätet' } });
			expect(text(decision!.snippet)).toBe('Kommunen byter brandvägg i stadshuset före sommaren.');
			expect(decision!.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['brandvägg']);
			// the agenda item, by its notes ("Brandväggarnas"), opens at the item
			const item = r.hits.find((h) => h.kind === 'agenda' && h.meeting?.id === norrbyMeeting);
			expect(item?.href).toMatch(new RegExp(`^/meetings/${norrbyMeeting}#item-`));
		}
		// the meeting's approval really happened: its minutes are locked
		expect((await norrbyAdmin.json('GET', `/api/v1/meetings/${norrbyMeeting}`)).body.meeting.status).toBe('minutes_approved');
	});

	it("a customer's people get nothing of another customer, nor the supplier's internal notes and material", async () => {
		for (const person of [norrbyAdmin, norrbyMember]) {
			const r = await search(person, 'brandvägg');
			expect(r.hits.length).toBeGreaterThan(0);
			expect(r.hits.every((h) => h.customerId === ids.customers[NORRBY].id || h.customerId === null)).toBe(true);
			const found = r.hits.map((h) => h.id);
			expect(found).not.toContain(`decision:${OTHER_DECISION}`);
			expect(found).not.toContain(`internal:${norrbyMeeting}`);
			expect(found).not.toContain(`material:${internalMaterial}`);
			expect(r.hits.some((h) => h.kind === 'internal')).toBe(false);
			// nothing of theirs anywhere in the answer
			const body = JSON.stringify(r);
			expect(body).not.toContain(otherMeeting);
			expect(body).not.toContain('reningsverket');
			expect(body).not.toContain('offerera');
		}
		// the other customer sees its own decision, none of Norrby's
		const theirs = (await search(otherAdmin, 'brandväggen')).hits.map((h) => h.id);
		expect(theirs).toContain(`decision:${OTHER_DECISION}`);
		expect(theirs).not.toContain(`decision:${NORRBY_DECISION}`);
		// Norrby's public material is found by its file name, opening its download
		const plan = (await search(norrbyMember, 'nätverksplan')).hits.find((h) => h.kind === 'material');
		expect(plan?.href).toMatch(new RegExp(`^/api/v1/meetings/${norrbyMeeting}/material/.+/download$`));
		expect((await norrbyMember.get(plan!.href)).status).toBe(200);
	});

	it("the supplier finds both customers' decisions and its own internal notes and material", async () => {
		const r = await search(admin, 'brandväggen');
		const found = r.hits.map((h) => h.id);
		expect(found).toEqual(expect.arrayContaining([`decision:${NORRBY_DECISION}`, `decision:${OTHER_DECISION}`, `internal:${norrbyMeeting}`, `material:${internalMaterial}`]));
		expect(r.hits.find((h) => h.kind === 'internal')?.href).toBe(`/meetings/${norrbyMeeting}#internal-heading`);
	});

	it('any input is fine: operators are plain words, nothing searchable gives no hits, and a bad parameter cannot reach the SQL', async () => {
		expect((await search(norrbyMember, '"; drop table search_entries; --')).hits).toBeDefined();
		expect((await search(norrbyMember, '*** ()')).hits).toEqual([]);
		expect((await search(norrbyMember, 'brandvägg OR reningsverket')).hits.map((h) => h.id)).not.toContain(`decision:${OTHER_DECISION}`);
		// words of which only some occur: hits holding some of them
		const some = await search(norrbyMember, 'brandväggen zyxzyx');
		expect(some.mode).toBe('any');
		expect(some.hits.map((h) => h.id)).toContain(`decision:${NORRBY_DECISION}`);
		expect((await new ApiClient(server.url).json('GET', '/api/v1/search?q=brandvägg')).status).toBe(401);
	});

	it('the search page groups the hits and marks the words, in Swedish and English', async () => {
		const page = await norrbyMember.get(`/search?q=${encodeURIComponent('brandväggen')}`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('data-testid="search-group" data-kind="decision"');
		expect(html).toContain('<mark');
		expect(html).toContain(`#decision-${NORRBY_DECISION}`);
		expect(html).not.toContain('reningsverket');
		expect(html).toContain('>Beslut <');
		const english = await fetch(`${server.url}/search?q=${encodeURIComponent('brandväggen')}`, { headers: { cookie: `${norrbyMember.sessionCookie}; PARAGLIDE_LOCALE=en` } });
		const en = await english.text();
		expect(en).toContain('>Decisions <');
		expect(en).toMatch(/results for “brandväggen”/);
		// nothing typed yet, nothing found: each says so
		expect(await (await norrbyMember.get('/search')).text()).toContain('data-testid="search-empty-query"');
		expect(await (await norrbyMember.get('/search?q=zyxzyx')).text()).toContain('data-testid="search-no-hits"');
	});
});
