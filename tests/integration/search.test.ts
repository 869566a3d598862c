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
import { ApiClient } from '../helpers/api-client';
import { NORRBY, type DemoIds } from '../helpers/demo-ids';
import { firewallFixture, NORRBY_DECISION_TEXT, NORRBY_MEETING_TITLE, type FirewallFixture } from '../helpers/search-fixtures';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let fx: FirewallFixture;
let ids: DemoIds;
let admin: ApiClient;
let norrbyAdmin: ApiClient;
let norrbyMember: ApiClient;
let otherAdmin: ApiClient;
/** Norrby's past meeting (approved) and Vattenbolaget's meeting, each with a decision about the firewall. */
let norrbyMeeting: string;
let otherMeeting: string;
let NORRBY_DECISION: string;
let OTHER_DECISION: string;
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

beforeAll(async () => {
	server = await startServer({ demo: true });
	fx = await firewallFixture(server);
	({ ids, admin, norrbyMeeting, otherMeeting, internalMaterial } = fx);
	NORRBY_DECISION = fx.norrbyDecision;
	OTHER_DECISION = fx.otherDecision;
	norrbyAdmin = await new ApiClient(server.url).login('avtal@norrby.example');
	norrbyMember = await new ApiClient(server.url).login('it@norrby.example');
	otherAdmin = await new ApiClient(server.url).login('avtal@vattensyd.example');
}, 120_000);

afterAll(async () => {
	for (const c of fx?.clients ?? []) c.destroy();
	await server?.stop();
});

describe('find anything', () => {
	it('a customer finds the decision of a past approved meeting by an inflected word ("brandväggen" → "brandvägg")', async () => {
		for (const person of [norrbyAdmin, norrbyMember]) {
			const r = await search(person, 'brandväggen');
			expect(r.terms).toEqual(['brandvägg']);
			const decision = r.hits.find((h) => h.id === `decision:${NORRBY_DECISION}`);
			expect(decision, JSON.stringify(r.hits.map((h) => h.id))).toBeDefined();
			expect(decision).toMatchObject({ kind: 'decision', href: `/meetings/${norrbyMeeting}#decision-${NORRBY_DECISION}`, meeting: { id: norrbyMeeting, title: NORRBY_MEETING_TITLE } });
			expect(text(decision!.snippet)).toBe(NORRBY_DECISION_TEXT);
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

	it("articles by their audience: the admins' guide for the customer admin only; an API token gets what its scopes allow", async () => {
		// the shared guide "Brandväggen blockerar en tjänst" is for customers' admins
		const guide = (hits: Hit[]) => hits.filter((h) => h.kind === 'article' && h.title.map((t) => t.text).join('') === 'Brandväggen blockerar en tjänst');
		const forAdmin = guide((await search(norrbyAdmin, 'brandväggsöppning')).hits);
		expect(forAdmin).toHaveLength(1);
		expect(forAdmin[0].href).toBe(`/customers/${ids.customers[NORRBY].id}/portal/kb/${forAdmin[0].id.slice('article:'.length)}`);
		expect(guide((await search(norrbyMember, 'brandväggsöppning')).hits)).toEqual([]);

		const norrby = ids.customers[NORRBY].id;
		const asToken = async (scope: string, q: string) => {
			const created = await admin.json('POST', `/api/v1/customers/${norrby}/api-tokens`, { name: `Sök ${scope} ${q}`, scopes: [scope] });
			expect(created.status).toBe(201);
			const res = await fetch(`${server.url}/api/v1/search?q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${created.body.secret}` } });
			expect(res.status).toBe(200);
			return ((await res.json()) as { hits: Hit[] }).hits;
		};
		const printer = await asToken('kb:read', 'skrivaren');
		expect(printer.length).toBeGreaterThan(0);
		expect(printer.every((h) => h.kind === 'article')).toBe(true);
		// no meeting things for a kb:read token, and the admins' guide is not for it either
		expect(await asToken('kb:read', 'brandvägg')).toEqual([]);
		expect(await asToken('tickets:read', 'skrivaren')).toEqual([]);
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
