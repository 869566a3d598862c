/**
 * The article form with the rich-text editor, against the real server: the
 * form actions take the editor's Lexical JSON (`body`) and store it as the
 * version's body (headings, lists, bold and links kept); a malformed or empty
 * body is refused with a field error and changes nothing; a failed submit
 * gives the posted body back so the editor can show it again; the no-JS
 * markup still works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let norrby: string;
let admin: ApiClient;

beforeAll(async () => {
	server = await startServer({ demo: true });
	norrby = (await demoIds(server.url)).customers[NORRBY].id;
	admin = await new ApiClient(server.url).login('avtal@norrby.example');
}, 120_000);
afterAll(async () => {
	await server?.stop();
});

const text = (t: string, format = 0) => ({ type: 'text', version: 1, text: t, format, detail: 0, mode: 'normal', style: '' });
const el = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({ type, version: 1, children, direction: 'ltr', format: '', indent: 0, ...extra });
const STATE = {
	root: el('root', [
		el('heading', [text('Kanelbullens skrivare')], { tag: 'h2' }),
		el('list', [el('listitem', [text('Välj '), text('Plan 2', 1)], { value: 1 }), el('listitem', [text('Skriv ut')], { value: 2 })], { listType: 'bullet', start: 1, tag: 'ul' }),
		el('paragraph', [text('Se '), el('link', [text('guiden')], { url: 'https://hjalp.example.se/', rel: 'noreferrer', target: null, title: null })], { textFormat: 0, textStyle: '' })
	])
};

const fields = (extra: Record<string, string>) => ({ title: 'Skrivaren på plan 2', category: 'Utskrifter', kind: 'article', audience: 'users', summary: '', service: '', ...extra });

/** A form post as a browser without JavaScript makes it. */
const postForm = (path: string, data: Record<string, string>) =>
	admin.request('POST', path, new URLSearchParams(data).toString(), { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: server.url });

const getArticle = async (id: string) => {
	const res = await admin.json('GET', `/api/v1/customers/${norrby}/articles/${id}`);
	expect(res.status).toBe(200);
	return res.body.article as { version: number; body: unknown; blocks: unknown[]; versions: unknown[] };
};

describe('the article form takes the editor’s Lexical JSON', () => {
	let id: string;

	it('creates an article whose stored body is the posted state', async () => {
		const res = await postForm(`/customers/${norrby}/portal/kb/new`, fields({ body: JSON.stringify(STATE) }));
		expect(res.status).toBe(303);
		id = /\/portal\/kb\/([0-9a-f-]{36})$/.exec(res.headers.get('location') ?? '')![1];
		const article = await getArticle(id);
		expect(article.version).toBe(1);
		expect(article.body).toMatchObject(STATE);
		// and the page shows it as HTML
		// (without Svelte's hydration comments)
		const html = (await (await admin.get(`/customers/${norrby}/portal/kb/${id}`)).text()).replace(/<!--.*?-->/g, '');
		expect(html).toMatch(/<h2[^>]*>Kanelbullens skrivare<\/h2>/);
		expect(html).toMatch(/<strong>Plan 2<\/strong>/);
		expect(html).toContain('href="https://hjalp.example.se/"');
	});

	it('a new version from the edit form keeps exactly what the editor sent', async () => {
		const before = await getArticle(id);
		const res = await postForm(`/customers/${norrby}/portal/kb/${id}/edit`, fields({ body: JSON.stringify(before.body), markup: 'ignored when there is a body' }));
		expect(res.status).toBe(303);
		const after = await getArticle(id);
		expect(after.version).toBe(2);
		expect(after.body).toEqual(before.body);
	});

	it('the edit page carries the current body JSON for the editor and the markup for the textarea', async () => {
		const html = await (await admin.get(`/customers/${norrby}/portal/kb/${id}/edit`)).text();
		expect(html).toContain('name="markup"');
		expect(html).toContain('# Kanelbullens skrivare');
		expect(html).toContain('Kanelbullens skrivare\\"'); // inside the serialized body JSON of the page data
	});

	it.each([
		['not JSON', '{"root": ', 'Not a rich-text document'],
		['an unknown node type', JSON.stringify({ root: el('root', [el('script-block', [text('x')])]) }), 'Not a rich-text document'],
		['not an editor state', JSON.stringify({ root: 'x' }), 'Not a rich-text document'],
		['an empty document', JSON.stringify({ root: el('root', [el('paragraph', [text('  ')])]) }), 'The article has no content']
	])('refuses %s with a field error and changes nothing', async (_what, body, message) => {
		const before = await getArticle(id);
		const res = await postForm(`/customers/${norrby}/portal/kb/${id}/edit`, fields({ body }));
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('aria-invalid="true"');
		expect(html).toContain(message);
		const after = await getArticle(id);
		expect(after.version).toBe(before.version);
		expect(after.body).toEqual(before.body);
	});

	it('gives the posted body back after a failed submit, so nothing written is lost', async () => {
		const mine = JSON.stringify({ root: el('root', [el('paragraph', [text('Pepparkaksutkastet')], { textFormat: 0, textStyle: '' })]) });
		const res = await postForm(`/customers/${norrby}/portal/kb/new`, fields({ category: '', body: mine }));
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('Pepparkaksutkastet');
	});

	it('still takes the light markup of the form without JavaScript, and refuses an empty one', async () => {
		const res = await postForm(`/customers/${norrby}/portal/kb/new`, fields({ markup: '## Rubrik\n\n- punkt med **fet** text' }));
		expect(res.status).toBe(303);
		const created = await getArticle(/([0-9a-f-]{36})$/.exec(res.headers.get('location') ?? '')![1]);
		expect(created.blocks.map((b) => (b as { type: string }).type)).toEqual(['heading', 'list']);
		expect((await postForm(`/customers/${norrby}/portal/kb/new`, fields({ markup: '   ' }))).status).toBe(400);
	});
});
