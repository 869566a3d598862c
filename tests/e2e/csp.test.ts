/**
 * The Content-Security-Policy in the browser (issue 15, finding 9). The guard
 * in tests/helpers/browser.ts fails any browser test during which a page
 * reported a violation; here it is shown to fire (an inline script, an event
 * handler attribute, an injected <style> and eval are refused and reported),
 * and the main pages are walked as the supplier and as a customer with none:
 * the editors load over their websocket (/collab), the live room connects
 * (socket.io), the charts draw, and the styles still apply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../helpers/api-client';
import { browserAvailable, launchBrowser, signIn, takeCspViolations } from '../helpers/browser';
import { demoIds, NORRBY, VATTENSYD, type DemoIds } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

describe.skipIf(!browserAvailable)('Content-Security-Policy in the browser', () => {
	let server: TestServer;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	let ids: DemoIds;
	let supplier: Page;
	let customer: Page;
	let customerId: string;
	let meetingId: string;
	let articleId: string;

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		ids = await demoIds(server.url);
		const norrby = ids.customers[NORRBY];
		customerId = norrby.id;
		// the tactical forum: avtal@norrby chairs it, so both sides may open its minutes and room
		meetingId = norrby.meetings[norrby.forums.tactical.id].at(-1)!;
		const admin = await new ApiClient(server.url).login('admin@itmastaren.example');
		const { body } = await admin.json('GET', `/api/v1/customers/${customerId}/articles`);
		articleId = body.articles[0].id;
		[supplier, customer] = await Promise.all([
			signIn(browser, server.url, 'admin@itmastaren.example', contexts),
			signIn(browser, server.url, 'avtal@norrby.example', contexts)
		]);
	});

	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await browser?.close();
		await server?.stop();
	});

	/** Opens a page and waits until it has loaded and hydrated (the page's own scripts ran). */
	async function open(page: Page, path: string, status = 200): Promise<void> {
		const res = await page.goto(path, { waitUntil: 'networkidle' });
		expect(res?.status(), path).toBe(status);
		// SvelteKit mounts its route announcer once the app has started: our scripts were allowed
		await page.locator('#svelte-announcer').waitFor({ state: 'attached', timeout: 10_000 });
	}

	it('control: an inline script, an event-handler attribute, an injected <style> and eval are refused, and the guard sees each', async () => {
		await open(supplier, '/');
		expect(await takeCspViolations()).toEqual([]);

		await supplier.addScriptTag({ content: 'window.__inlineRan = true;' }).catch(() => {});
		// markup that escaped escaping: its event handler does not run either
		await supplier.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="/no-such.png" onerror="window.__handlerRan = true">'));
		const background = await supplier.evaluate(() => {
			const style = document.createElement('style');
			style.textContent = 'body { background-color: rgb(255, 0, 0) !important; }';
			document.head.append(style);
			return getComputedStyle(document.body).backgroundColor;
		});
		// a string to run later, outside the evaluation (DevTools' own evaluation may eval)
		await supplier.evaluate(() => setTimeout('window.__evalRan = true;', 0));
		await supplier.waitForTimeout(100);

		const ran = await supplier.evaluate(() => {
			const w = window as unknown as { __inlineRan?: boolean; __handlerRan?: boolean; __evalRan?: boolean };
			return { inline: w.__inlineRan ?? false, handler: w.__handlerRan ?? false, eval: w.__evalRan ?? false };
		});
		expect(ran).toEqual({ inline: false, handler: false, eval: false });
		expect(background).not.toBe('rgb(255, 0, 0)');
		const found = await takeCspViolations();
		const events = found.filter((v) => v.seen === 'event').map((v) => v.text);
		expect(events.some((t) => t.startsWith('script-src-elem blocked inline'))).toBe(true);
		expect(events.some((t) => t.startsWith('script-src-attr blocked inline'))).toBe(true);
		expect(events.some((t) => t.startsWith('style-src-elem blocked inline'))).toBe(true);
		expect(events.some((t) => t.startsWith('script-src blocked eval'))).toBe(true);
	});

	it('the supplier walks the main pages without a violation; the editor and the room connect over their websockets', async () => {
		const norrby = ids.customers[NORRBY];
		for (const path of [
			'/',
			'/customers',
			`/customers/${customerId}`,
			`/customers/${customerId}/decisions`,
			`/forums/${norrby.forums.tactical.id}`,
			`/customers/${customerId}/sla`,
			`/customers/${customerId}/tickets`,
			`/customers/${customerId}/portal`,
			`/customers/${customerId}/portal/sla`,
			`/customers/${customerId}/portal/kb`,
			`/customers/${customerId}/portal/kb/${articleId}`,
			`/customers/${customerId}/settings/sla`,
			`/customers/${customerId}/settings/kpi`,
			`/customers/${customerId}/settings/tokens`,
			'/portal',
			'/me/calendar',
			'/admin'
		]) {
			await open(supplier, path);
			expect(await takeCspViolations(), path).toEqual([]);
		}
		// the SLA trend chart is drawn
		await open(supplier, `/customers/${customerId}/portal/sla`);
		expect(await supplier.getByTestId('sla-trend').locator('svg[role="img"] path').count()).toBeGreaterThan(0);

		// the minutes editor syncs over /collab, the article editor starts
		await open(supplier, `/meetings/${meetingId}`);
		await expect.poll(() => supplier.getByTestId('minutes-editor').getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
		await open(supplier, `/customers/${customerId}/portal/kb/new`);
		await supplier.getByRole('textbox', { name: 'Innehåll' }).click();
		await supplier.keyboard.type('Skrivet under CSP');
		await expect.poll(() => supplier.getByRole('textbox', { name: 'Innehåll' }).innerText()).toContain('Skrivet under CSP');

		// the live room connects over socket.io
		await open(supplier, `/meetings/${meetingId}/room`);
		await expect.poll(() => supplier.getByTestId('room-connection').getAttribute('data-connected'), { timeout: 15_000 }).toBe('true');

		// an unknown page is SvelteKit's error page, under the same policy
		await open(supplier, '/no-such-page', 404);
		expect(await takeCspViolations()).toEqual([]);
	});

	it('a customer walks the portal, the forum, the minutes and the room without a violation', async () => {
		const norrby = ids.customers[NORRBY];
		for (const path of [
			'/',
			`/customers/${customerId}`,
			`/forums/${norrby.forums.tactical.id}`,
			`/customers/${customerId}/portal`,
			`/customers/${customerId}/portal/sla`,
			`/customers/${customerId}/portal/meetings`,
			`/customers/${customerId}/portal/kb`,
			`/customers/${customerId}/portal/kb/${articleId}`,
			`/customers/${customerId}/portal/handbook`
		]) {
			await open(customer, path);
			expect(await takeCspViolations(), path).toEqual([]);
		}
		await open(customer, `/meetings/${meetingId}`);
		await expect.poll(() => customer.getByTestId('minutes-editor').getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
		// the room's slides include the SLA chart
		await open(customer, `/meetings/${meetingId}/room`);
		await expect.poll(() => customer.getByTestId('room-connection').getAttribute('data-connected'), { timeout: 15_000 }).toBe('true');
		await customer.keyboard.press('ArrowRight');
		await expect.poll(() => customer.getByTestId('slide-stage').locator('svg[role="img"] rect').count()).toBeGreaterThan(0);
		// another customer's page answers like an unknown one, also under the policy
		await open(customer, `/customers/${ids.customers[VATTENSYD].id}`, 404);
		expect(await takeCspViolations()).toEqual([]);
	});

	it('styles still apply: the stylesheet, component styles and style attributes', async () => {
		await open(customer, `/customers/${customerId}/portal/sla`);
		const styles = await customer.evaluate(() => {
			const announcer = document.getElementById('svelte-announcer')!;
			const link = document.querySelector('nav a')!;
			return {
				// Tailwind (the built stylesheet): the page background and the header's links
				html: getComputedStyle(document.documentElement).backgroundColor,
				navFont: getComputedStyle(link).fontSize,
				// a style attribute (SvelteKit's announcer is kept off screen by one)
				announcer: getComputedStyle(announcer).position,
				// app.html's wrapper
				wrapper: getComputedStyle(document.body.firstElementChild!).display
			};
		});
		expect(styles.html).not.toBe('rgba(0, 0, 0, 0)');
		expect(styles.navFont).not.toBe('16px');
		expect(styles.announcer).toBe('absolute');
		expect(styles.wrapper).toBe('contents');
	});
});
