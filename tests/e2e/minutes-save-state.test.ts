/**
 * The minutes' save indicator tells the truth (issue 14 point 18, issue 15
 * finding 8): with the browser offline it says "Offline" (not "Sparar …")
 * while the person types, and "Sparat" once back online and the edits merged,
 * which the other browser then shows; a read-only person never sees "Sparat",
 * typing or not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, signIn as signInAs } from '../helpers/browser';
import { collabFixture, type CollabFixture } from '../helpers/collab-fixtures';
import { startServer, type TestServer } from '../helpers/server';

const SUPPLIER = 'bam@itmastaren.example';
const CUSTOMER = 'avtal@norrby.example';

describe.skipIf(!browserAvailable)('the minutes save indicator', () => {
	let server: TestServer;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	let fx: CollabFixture;
	let meetingPath: string;

	const signIn = (email: string) => signInAs(browser, server.url, email, contexts);
	const editor = (page: Page) => page.getByTestId('minutes-editor');
	const indicator = (page: Page) => page.getByTestId('minutes-sync');
	const syncState = (page: Page) => indicator(page).getAttribute('data-state');
	/** Every state the indicator shows from the page's start, sampled often (it is replaced, not only changed). */
	const recordStates = (page: Page) =>
		page.addInitScript(() => {
			const seen: string[] = [];
			(window as unknown as { seenStates: string[] }).seenStates = seen;
			setInterval(() => {
				const state = document.querySelector('[data-testid="minutes-sync"]')?.getAttribute('data-state');
				if (state && seen[seen.length - 1] !== state) seen.push(state);
			}, 5);
		});
	const seenStates = (page: Page) => page.evaluate(() => (window as unknown as { seenStates: string[] }).seenStates);
	const opened = async (page: Page) => {
		await page.goto(meetingPath);
		await expect.poll(() => editor(page).getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
	};

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		fx = await collabFixture(server);
		meetingPath = `/meetings/${fx.meetingId}`;
	});

	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await browser?.close();
		await server?.stop();
	});

	it('says "Offline" while the browser is offline, then "Sparat" once the edits merged; the other browser gets them', async () => {
		const [writer, other] = await Promise.all([signIn(CUSTOMER), signIn(SUPPLIER)]);
		await Promise.all([opened(writer), opened(other)]);
		await expect.poll(() => syncState(writer), { timeout: 10_000 }).toBe('saved');

		await writer.context().setOffline(true);
		await expect.poll(() => syncState(writer), { timeout: 5_000 }).toBe('offline');
		expect(await indicator(writer).innerText()).toContain('Offline');
		const text = 'Skrivet utan nät.';
		await editor(writer).locator('p').nth(0).click();
		await writer.keyboard.type(text, { delay: 15 });
		await new Promise((r) => setTimeout(r, 1000));
		expect(await syncState(writer), 'typing while offline').toBe('offline');
		expect(await indicator(writer).innerText()).toContain('Offline');
		expect(await editor(other).innerText()).not.toContain(text);

		await writer.context().setOffline(false);
		await expect.poll(() => syncState(writer), { timeout: 15_000 }).toBe('saved');
		expect(await indicator(writer).innerText()).toContain('Sparat');
		await expect.poll(() => editor(other).innerText(), { timeout: 10_000 }).toContain(text);
		// "Sparat" meant stored: a fresh load has it
		await other.reload();
		await expect.poll(() => editor(other).getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
		expect(await editor(other).innerText()).toContain(text);
	});

	it('never shows "Sparat" to a read-only person, typing or not', async () => {
		const reader = await signIn(
			// a Norrby person outside the meeting's forum: reads the minutes, may not write them
			(await fx.reader.json('GET', '/api/v1/me')).body.person.email
		);
		await recordStates(reader);
		await opened(reader);
		await expect.poll(() => syncState(reader), { timeout: 10_000 }).toBe('readonly');
		await editor(reader).click();
		await reader.keyboard.type('Försöker skriva.', { delay: 10 });
		await reader.keyboard.press('Enter');
		await new Promise((r) => setTimeout(r, 1000));
		expect(await syncState(reader)).toBe('readonly');
		expect(await indicator(reader).innerText()).not.toContain('Sparat');
		expect(await seenStates(reader)).not.toContain('saved');
		expect(await editor(reader).innerText()).not.toContain('Försöker skriva.');
	});
});
