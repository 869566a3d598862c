/**
 * Issue 18 point 6: the live room on a phone (390 × 844). The chair, on a
 * phone, finds the room's main controls in the bar at the bottom of the
 * screen without scrolling — raise hand, stop following / follow again, next
 * item — and they work, seen from the presenter's desktop browser. And the
 * `?` overlay: the keyboard shortcuts of the page in a modal dialog that keeps
 * focus, closes with Escape and gives focus back; not while typing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, signIn as signInAs } from '../helpers/browser';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { onScreen, PHONE_CONTEXT } from '../helpers/phone';
import { startServer, type TestServer } from '../helpers/server';

describe.skipIf(!browserAvailable)('the room on a phone, and the ? overlay', () => {
	let server: TestServer;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	let presenter: Page;
	let phone: Page;
	let meetingId: string;

	const slideOf = async (page: Page) => Number(await page.getByTestId('slide-stage').getAttribute('data-slide'));

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		const ids = await demoIds(server.url);
		const norrby = ids.customers[NORRBY];
		// the tactical forum: Eva Norberg (avtal@) chairs, Johan Berg (bam@) presents
		meetingId = norrby.meetings[norrby.forums.tactical.id].at(-1)!;
		[presenter, phone] = await Promise.all([
			signInAs(browser, server.url, 'bam@itmastaren.example', contexts, { viewport: { width: 1280, height: 900 } }),
			signInAs(browser, server.url, 'avtal@norrby.example', contexts, PHONE_CONTEXT)
		]);
		await Promise.all([presenter.goto(`/meetings/${meetingId}/room`), phone.goto(`/meetings/${meetingId}/room`)]);
		for (const page of [presenter, phone]) await page.locator('[data-testid="room-connection"][data-connected="true"]').waitFor({ timeout: 15_000 });
	});

	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await browser?.close();
		await server?.stop();
	});

	it('keeps raise hand and next item on the phone screen without scrolling, and they work', async () => {
		const bar = phone.getByTestId('room-phone-bar');
		const hand = bar.getByTestId('bar-hand-toggle');
		const next = bar.getByTestId('bar-next-item');
		expect(await hand.innerText()).toBe('Räck upp handen');
		expect(await next.innerText()).toBe('Nästa punkt');
		expect(await onScreen(phone, hand)).toBe(true);
		expect(await onScreen(phone, next)).toBe(true);
		// the bar is for phones: on the desktop the panels hold these controls
		expect(await presenter.getByTestId('room-phone-bar').isVisible()).toBe(false);

		await hand.click();
		await expect.poll(() => hand.getAttribute('aria-pressed')).toBe('true');
		expect(await hand.innerText()).toBe('Ta ner handen');
		await expect.poll(() => presenter.getByTestId('room-presence').locator('li', { hasText: 'Eva Norberg' }).innerText()).toContain('Har räckt upp handen');
		await hand.click();
		await expect.poll(() => presenter.getByTestId('room-presence').locator('li', { hasText: 'Eva Norberg' }).innerText()).not.toContain('Har räckt upp handen');

		await next.click();
		await expect.poll(() => presenter.getByTestId('item-timer').getByRole('timer').count(), { timeout: 2_000 }).toBe(1);
		expect(await phone.evaluate(() => window.scrollY)).toBe(0);
	});

	it('stops following and follows again from the bar while the presenter moves on', async () => {
		await presenter.keyboard.press('Home');
		await presenter.getByTestId('present-start').click();
		const bar = phone.getByTestId('room-phone-bar');
		const stop = bar.getByTestId('bar-stop-following');
		await expect.poll(() => stop.isVisible()).toBe(true);
		expect(await onScreen(phone, stop)).toBe(true);
		await presenter.keyboard.press('ArrowRight');
		await expect.poll(() => slideOf(phone), { timeout: 2_000 }).toBe(1);

		await stop.click();
		const again = bar.getByTestId('bar-follow-again');
		await expect.poll(() => again.isVisible()).toBe(true);
		expect(await onScreen(phone, again)).toBe(true);
		await presenter.keyboard.press('ArrowRight');
		await expect.poll(() => slideOf(presenter)).toBe(2);
		await phone.waitForTimeout(300);
		expect(await slideOf(phone)).toBe(1);

		await again.click();
		await expect.poll(() => slideOf(phone), { timeout: 2_000 }).toBe(2);
		await expect.poll(() => bar.getByTestId('bar-stop-following').isVisible()).toBe(true);
		expect(await phone.evaluate(() => window.scrollY)).toBe(0);
	});

	it('? opens the shortcuts of the room, keeps focus inside, Escape closes it and gives focus back', async () => {
		const language = presenter.getByRole('button', { name: 'In English' });
		await language.focus();
		await presenter.keyboard.press('?');
		const dialog = presenter.getByTestId('shortcuts-dialog');
		await expect.poll(() => dialog.isVisible()).toBe(true);
		expect(await presenter.getByRole('dialog', { name: 'Kortkommandon' }).count()).toBe(1);
		expect(await dialog.locator('[data-section]').evaluateAll((els) => els.map((e) => e.getAttribute('data-section')))).toEqual(['global', 'room']);
		const text = await dialog.innerText();
		for (const line of ['Nästa bild eller sida', 'Första bilden', 'Helskärm på och av', 'Visa kortkommandona']) expect(text).toContain(line);
		// the slide does not move behind the dialog
		const before = await slideOf(presenter);
		for (let i = 0; i < 4; i++) {
			await presenter.keyboard.press('Tab');
			expect(await presenter.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
		}
		await presenter.keyboard.press('ArrowRight');
		expect(await slideOf(presenter)).toBe(before);

		await presenter.keyboard.press('Escape');
		await expect.poll(() => dialog.isVisible()).toBe(false);
		expect(await language.evaluate((el) => el === document.activeElement)).toBe(true);
	});

	it('? lists the editor keys on the meeting page, in English too, and is only typed while writing', async () => {
		await presenter.goto(`/meetings/${meetingId}`);
		const editor = presenter.locator('[contenteditable="true"]').first();
		await editor.waitFor({ timeout: 15_000 });
		await presenter.locator('h1').click();
		await presenter.keyboard.press('?');
		const dialog = presenter.getByTestId('shortcuts-dialog');
		await expect.poll(() => dialog.isVisible()).toBe(true);
		expect(await dialog.locator('[data-section]').evaluateAll((els) => els.map((e) => e.getAttribute('data-section')))).toEqual(['global', 'editor']);
		expect(await dialog.innerText()).toContain('Fetstil');
		await dialog.getByRole('button', { name: 'Stäng' }).click();
		await expect.poll(() => dialog.isVisible()).toBe(false);

		await editor.click();
		await presenter.keyboard.type('Fråga?');
		await expect.poll(() => editor.innerText()).toContain('Fråga?');
		expect(await dialog.isVisible()).toBe(false);

		await presenter.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: new URL(presenter.url()).origin }]);
		await presenter.reload();
		await presenter.locator('[contenteditable="true"]').first().waitFor({ timeout: 15_000 });
		await presenter.locator('h1').click();
		await presenter.keyboard.press('?');
		await expect.poll(() => presenter.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(true);
		expect(await dialog.innerText()).toContain('Bold');
	});
});
