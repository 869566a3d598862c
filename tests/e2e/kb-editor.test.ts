/**
 * The knowledge-base article editor in the browser (issue 7), as the customer
 * admin avtal@norrby.example: an article written with the rich-text toolbar
 * (heading, bullet list, bold, link) is stored as Lexical JSON and shown as
 * real HTML; an empty body is refused on the page; editing makes version 2
 * and search finds the new word; Ctrl+B toggles bold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, signIn } from '../helpers/browser';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';
import { caretToEndOf } from '../helpers/editor-caret';

describe.skipIf(!browserAvailable)('knowledge-base article editor', () => {
	let server: TestServer;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	let page: Page;
	let customerId: string;
	let articleId: string;

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		customerId = (await demoIds(server.url)).customers[NORRBY].id;
		page = await signIn(browser, server.url, 'avtal@norrby.example', contexts);
	});

	afterAll(async () => {
		for (const c of contexts) await c.close();
		await browser?.close();
		await server?.stop();
	});

	const editor = () => page.getByRole('textbox', { name: 'Innehåll' });
	const toolbar = () => page.getByRole('toolbar', { name: 'Formatering av innehållet' });
	const tool = (name: string) => toolbar().getByRole('button', { name, exact: true });
	const api = async (path: string) => {
		const res = await page.request.get(path);
		expect(res.status(), path).toBe(200);
		return res.json();
	};

	it('replaces the markup textarea with an accessible editor and refuses an empty article', async () => {
		await page.goto(`/customers/${customerId}/portal/kb/new`);
		await editor().waitFor();
		expect(await page.locator('textarea[name="markup"]').count()).toBe(0);
		expect(await editor().getAttribute('aria-multiline')).toBe('true');
		expect(await editor().getAttribute('contenteditable')).toBe('true');
		expect(await page.locator('input[type="hidden"][name="body"]').count()).toBe(1);
		expect(await tool('Beslut').count()).toBe(0);

		await page.getByRole('textbox', { name: 'Rubrik', exact: true }).fill('Skrivaren i receptionen');
		await page.getByRole('textbox', { name: 'Kategori' }).fill('Utskrifter');
		await page.getByRole('button', { name: 'Publicera' }).click();
		await expect.poll(() => editor().getAttribute('aria-invalid')).toBe('true');
		expect(await page.getByRole('alert').filter({ hasText: 'Skriv artikelns innehåll.' }).count()).toBe(1);
		expect(page.url()).toMatch(/\/kb\/new$/);
	});

	it('writes a heading, a list, bold text and a link with the toolbar; the article shows them as HTML', async () => {
		await editor().click();
		await tool('Rubrik').click();
		await page.keyboard.type('Så skriver du ut');
		await page.keyboard.press('Enter');
		await tool('Punktlista').click();
		await page.keyboard.type('Välj skrivaren Reception-1');
		await page.keyboard.press('Enter');
		await page.keyboard.type('Tryck på Skriv ut');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Enter'); // an empty item ends the list
		expect(await editor().getAttribute('aria-invalid')).toBeNull();

		// Ctrl+B toggles bold (and the toolbar follows)
		await page.keyboard.press('Control+b');
		await expect.poll(() => tool('Fetstil').getAttribute('aria-pressed')).toBe('true');
		await page.keyboard.type('Viktigt:');
		await page.keyboard.press('Control+b');
		await expect.poll(() => tool('Fetstil').getAttribute('aria-pressed')).toBe('false');
		await page.keyboard.type(' läs ');
		await page.keyboard.type('guiden');
		for (let i = 0; i < 'guiden'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
		page.once('dialog', (dialog) => void dialog.accept('https://hjalp.example.se/skrivare'));
		await tool('Länk').click();
		await expect.poll(() => editor().locator('a[href="https://hjalp.example.se/skrivare"]').count()).toBe(1);
		expect(await tool('Ångra').isDisabled()).toBe(false);

		await page.getByRole('button', { name: 'Publicera' }).click();
		await page.waitForURL(/\/portal\/kb\/[0-9a-f-]{36}$/);
		articleId = /kb\/([0-9a-f-]{36})$/.exec(page.url())![1];
		const article = page.locator('main article');
		expect(await article.locator('h2', { hasText: 'Så skriver du ut' }).count()).toBe(1);
		expect(await article.locator('ul > li').allInnerTexts()).toEqual(['Välj skrivaren Reception-1', 'Tryck på Skriv ut']);
		expect(await article.locator('strong', { hasText: 'Viktigt:' }).count()).toBe(1);
		expect(await article.locator('a[href="https://hjalp.example.se/skrivare"]').innerText()).toBe('guiden');

		const { article: stored } = await api(`/api/v1/customers/${customerId}/articles/${articleId}`);
		expect(stored.version).toBe(1);
		expect(stored.body.root.children.map((c: { type: string }) => c.type)).toEqual(['heading', 'list', 'paragraph']);
	});

	it('edits the article in the editor: version 2, and search finds the new word', async () => {
		await page.getByRole('link', { name: 'Redigera' }).click();
		await page.waitForURL(/\/edit$/);
		await expect.poll(() => editor().locator('h2').innerText()).toBe('Så skriver du ut');
		await caretToEndOf(page, editor().locator('li', { hasText: 'Tryck på Skriv ut' }));
		for (let i = 0; i < 'Skriv ut'.length; i++) await page.keyboard.press('Backspace');
		await page.keyboard.type('Utskriftskön');
		await page.getByRole('button', { name: 'Spara ny version' }).click();
		await page.waitForURL(new RegExp(`/portal/kb/${articleId}$`));
		expect(await page.locator('main article ul > li').allInnerTexts()).toEqual(['Välj skrivaren Reception-1', 'Tryck på Utskriftskön']);
		// the formatting came through the edit unchanged
		expect(await page.locator('main article strong', { hasText: 'Viktigt:' }).count()).toBe(1);

		const { article } = await api(`/api/v1/customers/${customerId}/articles/${articleId}`);
		expect(article.version).toBe(2);
		const { results } = await api(`/api/v1/customers/${customerId}/search?q=${encodeURIComponent('utskriftskön')}`);
		expect(results.map((r: { id: string }) => r.id)).toContain(articleId);
	});

	it('a refused submit without the enhanced form shows the editor again with what was written', async () => {
		await page.goto(`/customers/${customerId}/portal/kb/new`);
		await editor().waitFor();
		await page.getByRole('textbox', { name: 'Rubrik', exact: true }).fill('Utkast');
		await editor().click();
		await tool('Rubrik').click();
		await page.keyboard.type('Ett utkast som inte får försvinna');
		await expect.poll(() => page.locator('input[name="body"]').inputValue()).toContain('Ett utkast som inte får försvinna');
		// no category: the server refuses; a plain (not enhanced) post reloads the page with the posted values
		await page.evaluate(() => {
			const form = (document.querySelector('input[name="body"]') as HTMLInputElement).form!;
			(form.elements.namedItem('category') as HTMLInputElement).required = false;
			HTMLFormElement.prototype.submit.call(form);
		});
		await page.waitForLoadState('load');
		await expect.poll(() => editor().locator('h2').innerText()).toBe('Ett utkast som inte får försvinna');
		expect(await page.getByRole('textbox', { name: 'Rubrik', exact: true }).inputValue()).toBe('Utkast');
	});
});
