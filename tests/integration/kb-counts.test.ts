/**
 * Knowledge-base counts are per customer: a shared article read and marked
 * helpful by Norrby's people changes what Norrby sees for it (the article in
 * the API and on its page, the list, search, the statistics) and nothing of
 * what Vattenbolaget Syd's people see; supplier staff see the numbers of the
 * customer whose knowledge base they look at, and their own reads count for
 * nobody. The demo gives each customer numbers of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { expectContract } from '../helpers/contract';
import { demoIds, NORRBY, VATTENSYD } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let norrby: string;
let vattensyd: string;
let norrbyAdmin: ApiClient;
let norrbyMember: ApiClient;
let vattenAdmin: ApiClient;
let supplier: ApiClient;
let article: { id: string; title: string };

type Counts = { views: number; helpfulYes: number; helpfulNo: number };
const TITLE = 'Så anmäler du en incident';

beforeAll(async () => {
	server = await startServer({ demo: true });
	const ids = await demoIds(server.url);
	norrby = ids.customers[NORRBY].id;
	vattensyd = ids.customers[VATTENSYD].id;
	[norrbyAdmin, norrbyMember, vattenAdmin, supplier] = await Promise.all([
		new ApiClient(server.url).login('avtal@norrby.example'),
		new ApiClient(server.url).login('it@norrby.example'),
		new ApiClient(server.url).login('avtal@vattensyd.example'),
		new ApiClient(server.url).login('cm@itmastaren.example')
	]);
	const list = (await norrbyAdmin.json('GET', `/api/v1/customers/${norrby}/articles`)).body.articles as { id: string; title: string; shared: boolean }[];
	article = list.find((a) => a.title === TITLE && a.shared)!;
	expect(article).toBeTruthy();
}, 120_000);
afterAll(async () => {
	await server?.stop();
});

const counts = (a: Counts) => ({ views: a.views, helpfulYes: a.helpfulYes, helpfulNo: a.helpfulNo });
const plain = (html: string) => html.replace(/<!--[^]*?-->/g, '').replace(/\s+/g, ' ');
const testId = (html: string, id: string) => new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(plain(html))?.[1].trim();

/** Everything a client reads of the article's numbers in `customer`'s knowledge base, without counting a view. */
async function everywhere(client: ApiClient, customer: string) {
	const one = await client.json('GET', `/api/v1/customers/${customer}/articles/${article.id}`);
	expect(one.status).toBe(200);
	expectContract('getArticle', one.body);
	const list = (await client.json('GET', `/api/v1/customers/${customer}/articles`)).body.articles as (Counts & { id: string })[];
	const hits = (await client.json('GET', `/api/v1/customers/${customer}/search?q=${encodeURIComponent('anmäla incidenten')}`)).body.results as (Counts & { id: string })[];
	const page = await (await client.get(`/customers/${customer}/portal/kb`)).text();
	return {
		api: counts(one.body.article),
		list: counts(list.find((a) => a.id === article.id)!),
		search: counts(hits.find((a) => a.id === article.id)!),
		stats: testId(page, 'kb-stats')
	};
}

describe('counts per customer', () => {
	it('the demo gives a shared article numbers of each customer’s own', async () => {
		const n = (await everywhere(norrbyAdmin, norrby)).api;
		const v = (await everywhere(vattenAdmin, vattensyd)).api;
		expect(n.views).toBeGreaterThan(0);
		expect(v.views).toBeGreaterThan(0);
		expect(n).not.toEqual(v);
		// every answer is someone's who also read it
		for (const c of [n, v]) expect(c.helpfulYes + c.helpfulNo).toBeLessThanOrEqual(c.views);
	});

	it("Norrby's reading and answers change Norrby's numbers and nothing Vattenbolaget sees", async () => {
		const vattenBefore = await everywhere(vattenAdmin, vattensyd);
		const supplierOnVattenBefore = await everywhere(supplier, vattensyd);
		const norrbyBefore = await everywhere(norrbyAdmin, norrby);
		expect(supplierOnVattenBefore.api).toEqual(vattenBefore.api);
		expect(vattenBefore.stats).toMatch(/visningar/);

		// two of Norrby's people open the page (one view each) and answer
		for (const c of [norrbyMember, norrbyAdmin]) expect((await c.get(`/customers/${norrby}/portal/kb/${article.id}`)).status).toBe(200);
		const yes = await norrbyMember.json('POST', `/api/v1/customers/${norrby}/articles/${article.id}/feedback`, { helpful: true });
		const no = await norrbyAdmin.json('POST', `/api/v1/customers/${norrby}/articles/${article.id}/feedback`, { helpful: false });
		expect(yes.body.feedback).toEqual({ helpful: true, helpfulYes: norrbyBefore.api.helpfulYes + 1, helpfulNo: norrbyBefore.api.helpfulNo });
		expect(no.body.feedback).toEqual({ helpful: false, helpfulYes: norrbyBefore.api.helpfulYes + 1, helpfulNo: norrbyBefore.api.helpfulNo + 1 });
		// supplier staff reading in either portal are counted for nobody
		for (const customer of [norrby, vattensyd]) expect((await supplier.get(`/customers/${customer}/portal/kb/${article.id}`)).status).toBe(200);

		const expected = { views: norrbyBefore.api.views + 2, helpfulYes: norrbyBefore.api.helpfulYes + 1, helpfulNo: norrbyBefore.api.helpfulNo + 1 };
		const norrbyAfter = await everywhere(norrbyAdmin, norrby);
		expect([norrbyAfter.api, norrbyAfter.list, norrbyAfter.search]).toEqual([expected, expected, expected]);
		expect(norrbyAfter.stats).not.toBe(norrbyBefore.stats);
		// supplier staff see Norrby's numbers in Norrby's knowledge base
		expect((await everywhere(supplier, norrby)).api).toEqual(expected);

		expect(await everywhere(vattenAdmin, vattensyd)).toEqual(vattenBefore);
		expect(await everywhere(supplier, vattensyd)).toEqual(supplierOnVattenBefore);
	});

	it("the article page shows the reader's customer's numbers, and Vattenbolaget's own answer counts for Vattenbolaget only", async () => {
		const norrbyBefore = (await everywhere(norrbyAdmin, norrby)).api;
		const vattenBefore = (await everywhere(vattenAdmin, vattensyd)).api;
		const html = await (await vattenAdmin.get(`/customers/${vattensyd}/portal/kb/${article.id}`)).text();
		expect(testId(html, 'article-views')).toBe(`${vattenBefore.views + 1} visningar`);
		expect(testId(html, 'article-helpful')).toBe(`${vattenBefore.helpfulYes} tyckte den var till hjälp, ${vattenBefore.helpfulNo} inte`);
		const answer = await vattenAdmin.json('POST', `/api/v1/customers/${vattensyd}/articles/${article.id}/feedback`, { helpful: true });
		expect(answer.body.feedback).toEqual({ helpful: true, helpfulYes: vattenBefore.helpfulYes + 1, helpfulNo: vattenBefore.helpfulNo });
		expect((await everywhere(norrbyAdmin, norrby)).api).toEqual(norrbyBefore);
		expect((await everywhere(vattenAdmin, vattensyd)).api).toEqual({ ...vattenBefore, views: vattenBefore.views + 1, helpfulYes: vattenBefore.helpfulYes + 1 });
	});
});
