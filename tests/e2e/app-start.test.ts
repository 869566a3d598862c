/**
 * A form opened while the page is still starting stays open (src/lib/app-start.ts).
 * A `<details>` opens at a click before any script has run; when the app then
 * starts, its `bind:open` used to write the component's initial state back into
 * the element, and the form closed under the person's hands. The app's scripts
 * are held back here until the person has opened the form, as on a slow line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, signIn } from '../helpers/browser';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

describe.skipIf(!browserAvailable)('a form opened before the app started', () => {
	let server: TestServer;
	let browser: Browser;
	let page: Page;
	let forumPath: string;
	const contexts: BrowserContext[] = [];

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		const ids = await demoIds(server.url);
		forumPath = `/forums/${Object.values(ids.customers[NORRBY].forums)[0].id}`;
		page = await signIn(browser, server.url, 'admin@itmastaren.example', contexts);
	});

	afterAll(async () => {
		for (const c of contexts) await c.close();
		await browser?.close();
		await server?.stop();
	});

	/** the app's scripts (not its stylesheets, which the page needs to show at all) */
	const appScript = (url: URL) => url.pathname.startsWith('/_app/immutable/') && url.pathname.endsWith('.js');

	/** Opens the page with the app's scripts held back; resolves with the function that lets them through. */
	async function openHeldBack(path: string): Promise<() => Promise<void>> {
		let release!: () => void;
		const released = new Promise<void>((r) => (release = r));
		await page.route(appScript, async (route) => {
			await released;
			await route.continue();
		});
		await page.goto(path, { waitUntil: 'commit' });
		return async () => {
			release();
			// SvelteKit mounts its route announcer once the app has started
			await page.locator('#svelte-announcer').waitFor({ state: 'attached', timeout: 15_000 });
			await page.unroute(appScript);
		};
	}

	const isOpen = (id: string) => page.locator(`details#${id}`).evaluate((d) => (d as HTMLDetailsElement).open);

	it('stays open when the app starts, and follows the person after that', async () => {
		const start = await openHeldBack(forumPath);
		await page.locator('details#schedule-meeting > summary').click();
		await page.locator('details#edit-forum > summary').click();
		expect(await isOpen('schedule-meeting')).toBe(true);
		expect(await page.locator('#svelte-announcer').count(), 'the app has not started yet').toBe(0);

		await start();
		// a moment for anything the start would still do to the page
		await page.waitForTimeout(300);
		expect(await isOpen('schedule-meeting')).toBe(true);
		expect(await isOpen('edit-forum')).toBe(true);
		// a form the person did not open is still closed
		expect(await isOpen('add-member')).toBe(false);

		// the component's state is the element's: closing and opening work as before
		await page.locator('details#schedule-meeting > summary').click();
		expect(await isOpen('schedule-meeting')).toBe(false);
		await page.locator('details#schedule-meeting > summary').click();
		expect(await isOpen('schedule-meeting')).toBe(true);
		await page.locator('details#schedule-meeting').getByLabel('Start', { exact: true }).waitFor();
	});
});
