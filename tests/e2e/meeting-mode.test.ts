/**
 * Meeting mode (issue 18, point 2) in two browsers: while the meeting is in
 * progress, the minute-taker's meeting page shows what the room shows beside
 * the minutes. The chair moves through the agenda in the room; the current
 * item follows on the minute-taker's screen (timer, the marked section of the
 * minutes, scrolled into view unless she opts out) while she writes; when the
 * chair ends the meeting her page leaves meeting mode. The section bar jumps
 * to each part of the page. Screenshots at 1280 and 390 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../helpers/api-client';
import { browserAvailable, launchBrowser, signIn as signInAs } from '../helpers/browser';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { caretToEndOf } from '../helpers/editor-caret';
import { startServer, type TestServer } from '../helpers/server';

describe.skipIf(!browserAvailable)('meeting mode: the minute-taker and the chair on one screen each', () => {
	let server: TestServer;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	let chair: Page;
	let writer: Page;
	let meetingId: string;

	const signIn = (email: string) => signInAs(browser, server.url, email, contexts, { viewport: { width: 1280, height: 900 } });
	const editor = (page: Page) => page.getByTestId('minutes-editor');
	/** the current item's title, once the chair has chosen one ('' before) */
	const currentTitle = async (page: Page) => {
		const title = page.getByTestId('item-timer').locator('p.font-medium');
		return (await title.count()) ? title.innerText() : '';
	};
	const markedHeading = (page: Page) => editor(page).locator('[data-current-item]');
	const inViewport = (page: Page) =>
		markedHeading(page).evaluate((el) => {
			const r = el.getBoundingClientRect();
			return r.top >= 0 && r.bottom <= window.innerHeight;
		});
	const nextItem = () => chair.getByTestId('chair-controls').getByRole('button', { name: 'Nästa punkt' }).click();

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		const ids = await demoIds(server.url);
		const norrby = ids.customers[NORRBY];
		const admin = await new ApiClient(server.url).login('admin@itmastaren.example');
		const created = await admin.json('POST', `/api/v1/forums/${norrby.forums.tactical.id}/meetings`, { title: 'Taktiskt möte i december', startsAt: '2031-12-04T09:00', endsAt: '2031-12-04T11:00' });
		expect(created.status).toBe(201);
		meetingId = created.body.meeting.id;
		// the tactical forum: Eva Norberg (avtal@norrby) chairs, Lina Holm (tam@) takes the minutes
		const started = await (await new ApiClient(server.url).login('avtal@norrby.example')).json('POST', `/api/v1/meetings/${meetingId}/start`, { confirmEarly: true });
		expect(started.status).toBe(200);
		[chair, writer] = await Promise.all([signIn('avtal@norrby.example'), signIn('tam@itmastaren.example')]);
	});

	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await browser?.close();
		await server?.stop();
	});

	it("the minute-taker's meeting page shows the room beside the minutes", async () => {
		await Promise.all([writer.goto(`/meetings/${meetingId}`), chair.goto(`/meetings/${meetingId}/room`)]);
		await expect.poll(() => editor(writer).getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
		const pane = writer.getByTestId('meeting-live-pane');
		await expect.poll(() => pane.isVisible()).toBe(true);
		await expect.poll(() => pane.getByTestId('room-presence').locator('li[data-person]').count(), { timeout: 15_000 }).toBe(2);
		expect(await pane.getByTestId('item-timer').innerText()).toContain('Ordföranden har inte valt någon punkt än');
		expect(await pane.getByTestId('slide-stage').isVisible()).toBe(true);
		// the minute-taker does not chair: no chair controls on her screen
		expect(await pane.getByTestId('chair-controls').count()).toBe(0);
		await expect.poll(() => chair.getByTestId('room-connection').getAttribute('data-connected'), { timeout: 15_000 }).toBe('true');
	});

	it('the chair moves on: the current item, its marked section in view, follow on her screen while she writes', async () => {
		await nextItem();
		await expect.poll(() => currentTitle(writer), { timeout: 5_000 }).not.toBe('');
		const first = await currentTitle(writer);
		await expect.poll(() => markedHeading(writer).innerText(), { timeout: 5_000 }).toBe(first);
		await expect.poll(() => inViewport(writer)).toBe(true);

		// she writes under the current item's heading while the chair moves on
		const paragraph = markedHeading(writer).locator('xpath=following-sibling::p[1]');
		await caretToEndOf(writer, paragraph);
		await writer.keyboard.type('Genomgång av föregående period.', { delay: 10 });
		await nextItem();
		await expect.poll(() => currentTitle(writer), { timeout: 5_000 }).not.toBe(first);
		const second = await currentTitle(writer);
		await expect.poll(() => markedHeading(writer).innerText(), { timeout: 5_000 }).toBe(second);
		await expect.poll(() => markedHeading(writer).count()).toBe(1);
		await expect.poll(() => inViewport(writer)).toBe(true);
		await writer.keyboard.type(' Inga avvikelser.', { delay: 10 });
		await expect.poll(() => editor(writer).innerText()).toContain('Genomgång av föregående period. Inga avvikelser.');
		await expect.poll(() => writer.getByTestId('minutes-sync').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
		await writer.screenshot({ path: 'test-results/meeting-mode-1280.png', fullPage: false }).catch(() => {});
	});

	it('opted out, the mark still moves but her view stays where she is', async () => {
		await writer.getByTestId('follow-current-item').uncheck();
		await writer.getByRole('navigation', { name: 'Mötets delar' }).getByRole('link', { name: 'Aktiviteter' }).click();
		await expect.poll(() => writer.evaluate(() => location.hash)).toBe('#actions');
		await writer.waitForTimeout(600);
		const scrolled = await writer.evaluate(() => window.scrollY);
		const before = await currentTitle(writer);
		await nextItem();
		await expect.poll(() => currentTitle(writer), { timeout: 5_000 }).not.toBe(before);
		await expect.poll(async () => markedHeading(writer).innerText()).toBe(await currentTitle(writer));
		await writer.waitForTimeout(600);
		expect(Math.abs((await writer.evaluate(() => window.scrollY)) - scrolled)).toBeLessThan(5);
		// the choice is kept in her browser
		await writer.reload();
		await expect.poll(() => writer.getByTestId('follow-current-item').isChecked(), { timeout: 15_000 }).toBe(false);
		await writer.getByTestId('follow-current-item').check();
	});

	it('at 390 px the page does not scroll sideways in meeting mode', async () => {
		await writer.setViewportSize({ width: 390, height: 844 });
		await writer.goto(`/meetings/${meetingId}`);
		await expect.poll(() => editor(writer).getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
		await expect.poll(() => writer.getByTestId('meeting-live-pane').isVisible()).toBe(true);
		// what sticks out past the right edge, named, should the page scroll sideways
		const wider = await writer.evaluate(() => {
			const edge = document.scrollingElement!.clientWidth + 1;
			if (document.scrollingElement!.scrollWidth <= edge) return [];
			// inside a box that scrolls or clips sideways it does not widen the page
			const clipped = (el: HTMLElement) => {
				for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true;
				return false;
			};
			return [...document.querySelectorAll<HTMLElement>('body *')]
				.filter((el) => el.getBoundingClientRect().right > edge && el.parentElement!.getBoundingClientRect().right <= edge && !clipped(el))
				.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 4).join('.')} [${el.dataset.testid ?? ''}] ${Math.round(el.getBoundingClientRect().right)}px`);
		});
		expect(wider).toEqual([]);
		await writer.screenshot({ path: 'test-results/meeting-mode-390.png', fullPage: false }).catch(() => {});
		await writer.setViewportSize({ width: 1280, height: 900 });
	});

	it('the chair ends the meeting: her page leaves meeting mode', async () => {
		await writer.goto(`/meetings/${meetingId}`);
		await expect.poll(() => writer.getByTestId('meeting-live-pane').isVisible(), { timeout: 15_000 }).toBe(true);
		await chair.getByTestId('chair-controls').getByRole('button', { name: 'Avsluta mötet' }).click();
		await expect.poll(() => writer.getByTestId('meeting-live-pane').count(), { timeout: 10_000 }).toBe(0);
		expect(await writer.getByTestId('meeting-state').innerText()).not.toBe('Pågår');
	});
});
