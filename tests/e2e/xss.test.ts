/**
 * Script payloads in every user-editable text field never execute in the
 * browser. One row per field: how the payload gets in (the API or the shared
 * document, as any user with write access could do it) and which page shows
 * it. For each row the page must show the payload as text (so the row cannot
 * pass by not rendering the field) and no script may have run: `alert` is
 * replaced before any page script and every call is recorded, dialogs too.
 * A new field is one more row in FIELDS.
 */
import { plantApprovedMinutes } from '../helpers/test-db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { actionItemMap, actionItems } from '../../src/lib/realtime/actions-doc';
import { agendaItemMap, agendaItems } from '../../src/lib/realtime/agenda-doc';
import { forumActionsDoc, meetingAgendaDoc } from '../../src/lib/realtime/doc-names';
import { sampleMinutes } from '$lib/server/domain/exports/minutes-fixture';
import { ApiClient } from '../helpers/api-client';
import { browserAvailable, launchBrowser } from '../helpers/browser';
import { connectClient, synced } from '../helpers/collab-client';
import { demoIds, NORRBY, type DemoIds } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

/** The payload for one field: an image whose error handler and a script tag both call alert(key). */
const payload = (key: string) => `<img src=x onerror=alert('${key}')><script>alert('${key}')</script>`;
/** What must be visible as text on the page. */
const visible = (key: string) => `<img src=x onerror=alert('${key}')>`;

interface Ctx {
	server: TestServer;
	admin: ApiClient;
	ids: DemoIds;
	/** a meeting scheduled for this test, in Norrby's operational forum */
	meetingId: string;
	forumId: string;
	page: Page;
	supplierPage: Page;
}

interface Field {
	key: string;
	/** puts the payload in, as a user with write access could */
	set(ctx: Ctx, text: string): Promise<void>;
	/** the page that shows the field */
	path(ctx: Ctx): string;
	/** who looks: a customer admin of Norrby unless said otherwise (another customer is not visible to them) */
	viewer?: 'supplier';
	/** when the page does not show this field yet (feature being built), the row is skipped with this reason */
	pendingUnless?: (page: Page) => Promise<boolean>;
}

const norrby = (ctx: Ctx) => ctx.ids.customers[NORRBY];

async function editDoc(ctx: Ctx, docName: string, edit: (doc: import('yjs').Doc) => void) {
	const c = connectClient(ctx.server.url, docName, ctx.admin.sessionCookie);
	try {
		await synced(c);
		edit(c.doc);
		await c.flush();
	} finally {
		c.destroy();
	}
}

async function ok(res: Promise<{ status: number; body: unknown }>, status = 200) {
	const r = await res;
	if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
}

/** the knowledge-base article written by the 'kb-article' row, for its path */
let articleId = '';

const FIELDS: Field[] = [
	{
		key: 'kb-article',
		// title, summary, category and body of one article of Norrby's own, read on its page
		async set(ctx, text) {
			const { status, body } = await ctx.admin.json('POST', `/api/v1/customers/${norrby(ctx).id}/articles`, {
				title: text,
				summary: text,
				category: text,
				markup: `## ${text}\n\n${text}\n\n- ${text}`
			});
			if (status !== 201) throw new Error(`expected 201, got ${status}: ${JSON.stringify(body)}`);
			articleId = (body as { article: { id: string } }).article.id;
		},
		path: (ctx) => `/customers/${norrby(ctx).id}/portal/kb/${articleId}`
	},
	{
		key: 'customer-name',
		set: (ctx, text) => ok(ctx.admin.json('POST', '/api/v1/customers', { name: text }), 201),
		path: () => '/customers',
		viewer: 'supplier'
	},
	{
		key: 'person-name',
		set: (ctx, text) => ok(ctx.admin.json('PATCH', `/api/v1/people/${norrby(ctx).person('it@norrby.example').id}`, { name: text })),
		path: (ctx) => `/customers/${norrby(ctx).id}`
	},
	{
		key: 'forum-purpose',
		set: (ctx, text) => ok(ctx.admin.json('PATCH', `/api/v1/forums/${ctx.forumId}`, { purposeSv: text })),
		path: (ctx) => `/forums/${ctx.forumId}`
	},
	{
		key: 'forum-name',
		set: (ctx, text) => ok(ctx.admin.json('PATCH', `/api/v1/forums/${ctx.forumId}`, { nameSv: text })),
		path: (ctx) => `/forums/${ctx.forumId}`
	},
	{
		key: 'meeting-title',
		// set when the meeting is scheduled (beforeAll): a meeting's title is given then
		set: async () => {},
		path: (ctx) => `/meetings/${ctx.meetingId}`
	},
	{
		key: 'meeting-location',
		set: async () => {},
		path: (ctx) => `/meetings/${ctx.meetingId}`
	},
	{
		key: 'agenda-item-title',
		set: (ctx, text) =>
			editDoc(ctx, meetingAgendaDoc(ctx.meetingId), (doc) =>
				agendaItems(doc).push([agendaItemMap({ id: crypto.randomUUID(), kind: 'other', title: text, plannedMinutes: 5, presenter: null, notes: text })])
			),
		path: (ctx) => `/meetings/${ctx.meetingId}`
	},
	{
		key: 'minutes-text',
		// typed into the editor by a user, then read by another after a reload
		async set(ctx, text) {
			const page = await signedIn(ctx, 'bam@itmastaren.example');
			await page.goto(`/meetings/${ctx.meetingId}`);
			const editor = page.getByTestId('minutes-editor');
			await page.waitForFunction(() => document.querySelector('[data-testid="minutes-editor"]')?.getAttribute('aria-busy') === 'false', null, { timeout: 15_000 });
			await editor.locator('p').first().click();
			await page.keyboard.type(text, { delay: 2 });
			// "Saved" is the flush barrier's answer: the text is in the database
			await page.waitForFunction(() => document.querySelector('[data-testid="minutes-sync"]')?.getAttribute('data-state') === 'saved', null, { timeout: 10_000 });
			await page.context().close();
		},
		path: (ctx) => `/meetings/${ctx.meetingId}`
	},
	{
		key: 'action-title',
		set: (ctx, text) =>
			editDoc(ctx, forumActionsDoc(ctx.forumId), (doc) =>
				actionItems(doc).push([
					actionItemMap({
						id: crypto.randomUUID(),
						title: text,
						description: text,
						ownerId: null,
						dueDate: null,
						status: 'open',
						raisedMeetingId: ctx.meetingId,
						closedMeetingId: null,
						escalatedFromId: null,
						escalatedToId: null,
						createdAt: new Date().toISOString(),
						createdBy: null
					})
				])
			),
		path: (ctx) => `/forums/${ctx.forumId}`,
		pendingUnless: async (page) => (await page.getByTestId('activity-list').count()) > 0
	}
];

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const ctx = {} as Ctx;

/** A signed-in browser page in which every alert and dialog is recorded in window.__xss. */
async function signedIn(c: Ctx, email: string): Promise<Page> {
	// localhost, not 127.0.0.1: the cookie jar treats them as different sites. The
	// pages' Content-Security-Policy is bypassed: escaping alone must hold (the
	// policy, the second line of defence, is proved in csp.test.ts).
	const context = await browser.newContext({ baseURL: c.server.url.replace('127.0.0.1', 'localhost'), bypassCSP: true });
	contexts.push(context);
	await context.addInitScript(() => {
		const w = window as unknown as { __xss: string[] };
		w.__xss = [];
		window.alert = (m?: unknown) => void w.__xss.push(String(m));
	});
	const page = await context.newPage();
	page.on('dialog', (d) => void page.evaluate((m) => (window as unknown as { __xss: string[] }).__xss.push(`dialog:${m}`), d.message()).finally(() => d.dismiss()));
	await page.goto('/login');
	await page.getByLabel('E-postadress').fill(email);
	await page.getByLabel('Lösenord').fill('demo1234');
	await page.getByRole('button', { name: 'Logga in' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/login'));
	return page;
}

/** All text a person can see, including what sits in form fields. */
const shownText = (page: Page) =>
	page.evaluate(() => [document.body.innerText, ...[...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value)].join('\n'));

describe.skipIf(!browserAvailable)('script payloads in user-editable fields and exports', () => {
	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		ctx.server = server;
		ctx.ids = await demoIds(server.url);
		ctx.admin = await new ApiClient(server.url).login('admin@itmastaren.example');
		ctx.forumId = norrby(ctx).forums.operational.id;
		const scheduled = await ctx.admin.json('POST', `/api/v1/forums/${ctx.forumId}/meetings`, {
			startsAt: '2031-03-03T10:00',
			endsAt: '2031-03-03T11:00',
			title: payload('meeting-title'),
			location: payload('meeting-location')
		});
		expect(scheduled.status).toBe(201);
		ctx.meetingId = scheduled.body.meeting.id;
		for (const field of FIELDS) await field.set(ctx, payload(field.key));
		// The reader: another person of the customer, who did not write any of it.
		ctx.page = await signedIn(ctx, 'avtal@norrby.example');
		ctx.supplierPage = await signedIn(ctx, 'cm@itmastaren.example');
	});

	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await browser?.close();
		await server?.stop();
	});

	it('control: the detector does see a payload that runs (one inserted as HTML)', async () => {
		const page = ctx.page;
		await page.goto('/');
		await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), payload('control'));
		await expect.poll(() => page.evaluate(() => (window as unknown as { __xss: string[] }).__xss)).toEqual(['control']);
	});

	for (const field of FIELDS) {
		it(`${field.key}: shown as text, never run`, async (t) => {
			const page = field.viewer === 'supplier' ? ctx.supplierPage : ctx.page;
			await page.goto(field.path(ctx));
			await page.waitForLoadState('networkidle');
			if (field.pendingUnless && !(await field.pendingUnless(page))) t.skip(`${field.key} is not shown on ${field.path(ctx)} yet`);
			await expect.poll(() => shownText(page), { timeout: 15_000 }).toContain(visible(field.key));
			// give a late handler (an image error fires after the load) its chance
			await page.waitForTimeout(300);
			expect(await page.evaluate(() => (window as unknown as { __xss: string[] }).__xss)).toEqual([]);
		});
	}

	/**
	 * Exports: approved minutes whose every text carries a payload. The approved
	 * version is written into the server's database as approval stores it (as
	 * exports-minutes.test.ts does); the export routes render it. The HTML export
	 * is loaded into the browser as plain content (without the CSP header it is
	 * served with, so escaping alone must hold); the Markdown export must carry no
	 * raw HTML a renderer that allows HTML would run.
	 */
	describe('exports', () => {
		const p = (key: string) => payload(`export-${key}`);
		let meetingId: string;

		beforeAll(async () => {
			meetingId = norrby(ctx).meetings[ctx.forumId][1];
			const model = sampleMinutes({
				attendees: [{ personId: 'p1', name: p('attendee'), side: 'customer', role: p('role'), duties: ['chair'], attendance: 'attended' }],
				agenda: [{ title: p('agenda'), kind: 'other', plannedMinutes: 5, presenterName: p('presenter') }],
				blocks: [
					{ type: 'heading', level: 1, runs: [{ text: p('heading') }] },
					{ type: 'paragraph', runs: [{ text: p('paragraph') }, { text: 'länk', href: "javascript:alert('export-href')" }] },
					{ type: 'list', style: 'bullet', items: [{ runs: [{ text: p('list') }], depth: 0 }] },
					{ type: 'decision', id: 'd1', runs: [{ text: p('decision') }] }
				],
				decisions: [{ id: 'd1', number: 1, text: p('decision') }],
				actions: { new: [{ id: 'a1', title: p('action'), description: p('description'), ownerName: p('owner'), ownerSide: 'customer', dueDate: null, status: 'open' }], closed: [], open: [] },
				figures: [],
				approvals: [{ role: 'chair', name: p('approver'), at: '2026-01-16T10:00:00Z' }],
				addenda: []
			});
			model.meeting = { ...model.meeting, id: meetingId, title: p('title'), location: p('location'), customerName: p('customer') };
			const author = ctx.ids.staff('bam@itmastaren.example').id;
			await plantApprovedMinutes(ctx.server.databaseUrl, meetingId, author, model, p('addendum'));
		});

		it('HTML export: every payload shown as text, none runs, links are not javascript:', async () => {
			const res = await ctx.admin.request('GET', `/api/v1/meetings/${meetingId}/minutes?format=html`);
			expect(res.status).toBe(200);
			const html = await res.text();
			const page = ctx.page;
			await page.goto('/');
			await page.evaluate(() => ((window as unknown as { __xss: string[] }).__xss = []));
			await page.setContent(html, { waitUntil: 'load' });
			await page.waitForTimeout(500);
			expect(await page.evaluate(() => (window as unknown as { __xss: string[] }).__xss ?? [])).toEqual([]);
			const text = await page.evaluate(() => document.body.innerText);
			for (const key of ['title', 'location', 'attendee', 'agenda', 'heading', 'paragraph', 'list', 'decision', 'action', 'owner', 'addendum']) {
				expect(text, key).toContain(visible(`export-${key}`));
			}
			const hrefs = await page.evaluate(() => [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''));
			expect(hrefs.filter((h) => /^\s*javascript:/i.test(h))).toEqual([]);
		});

		it('Markdown export: no raw HTML and no javascript: link', async () => {
			const res = await ctx.admin.request('GET', `/api/v1/meetings/${meetingId}/minutes?format=md`);
			expect(res.status).toBe(200);
			const md = await res.text();
			expect(md).toContain('export-paragraph');
			// every "<" of user text is escaped (\<), so no tag reaches a renderer
			expect(md).not.toMatch(/(^|[^\\])<(img|script)/i);
			expect(md).not.toMatch(/\]\(<?javascript:/i);
		});
	});
});
