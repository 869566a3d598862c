/**
 * Actions where they are said (issue 18, point 3), in three browsers: the
 * minute-taker turns a line of the minutes into an action with `@` for the
 * owner and a date phrase for the due date; it appears at once in a third
 * person's activity list and as a chip in their minutes, and in the owner's
 * "Mina aktiviteter". Editing the chip changes the list, editing the list
 * changes the chip; a line captured offline arrives when the browser is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findDuePhrase } from '../../src/lib/editor/due-phrase';
import { ApiClient } from '../helpers/api-client';
import { axeViolations, formatViolations } from '../helpers/axe';
import { browserAvailable, launchBrowser, signIn as signInAs } from '../helpers/browser';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { caretToEndOf } from '../helpers/editor-caret';
import { startServer, type TestServer } from '../helpers/server';

const stockholmToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

describe.skipIf(!browserAvailable)('actions captured in the minutes', () => {
	let server: TestServer;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	let writer: Page;
	let reader: Page;
	let owner: Page;
	let meetingId: string;
	let nextMeetingDay: string;

	const signIn = (email: string) => signInAs(browser, server.url, email, contexts, { viewport: { width: 1280, height: 900 } });
	const editor = (page: Page) => page.getByTestId('minutes-editor');
	const chips = (page: Page) => editor(page).getByTestId('minutes-action');
	const items = (page: Page) => page.getByTestId('activity-list').getByTestId('action-item');
	/** the titles in a person's activity list (fields for those who may edit, text for readers) */
	const listTitles = (page: Page) =>
		items(page).evaluateAll((lis) => lis.map((li) => li.querySelector('textarea')?.value ?? li.querySelector('[data-testid=action-title-text]')?.textContent ?? ''));
	const listItem = async (page: Page, title: string) => items(page).nth((await listTitles(page)).indexOf(title));
	/** what the list's fields of an action say: owner (the chosen name), due date, status */
	const fieldsOf = async (page: Page, title: string) => {
		const item = await listItem(page, title);
		return {
			owner: await item.getByTestId('action-owner').evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.text ?? ''),
			due: await item.getByTestId('action-due').inputValue(),
			status: await item.getAttribute('data-status')
		};
	};

	/** A new empty paragraph under the last agenda item's heading, with the caret in it. */
	async function newLine(page: Page) {
		await caretToEndOf(page, editor(page).locator('h2').last());
		await page.keyboard.press('Enter');
	}

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		const ids = await demoIds(server.url);
		const forumId = ids.customers[NORRBY].forums.tactical.id;
		const admin = await new ApiClient(server.url).login('admin@itmastaren.example');
		const created = await admin.json('POST', `/api/v1/forums/${forumId}/meetings`, { title: 'Taktiskt möte med aktiviteter', startsAt: '2031-11-06T09:00', endsAt: '2031-11-06T11:00' });
		expect(created.status).toBe(201);
		meetingId = created.body.meeting.id;
		// the forum's next meeting: where "nästa möte" falls due
		const next = await admin.json('POST', `/api/v1/forums/${forumId}/meetings`, { title: 'Taktiskt möte i december', startsAt: '2031-12-04T09:00', endsAt: '2031-12-04T11:00' });
		expect(next.status).toBe(201);
		nextMeetingDay = '2031-12-04';
		const started = await (await new ApiClient(server.url).login('avtal@norrby.example')).json('POST', `/api/v1/meetings/${meetingId}/start`, { confirmEarly: true });
		expect(started.status).toBe(200);
		// Lina Holm takes the minutes; Oskar Falk (the customer's IT manager) follows; Eva Norberg will own the action
		[writer, reader, owner] = await Promise.all([signIn('tam@itmastaren.example'), signIn('it@norrby.example'), signIn('avtal@norrby.example')]);
	});

	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await browser?.close();
		await server?.stop();
	});

	it('`@` offers the forum\'s people of both sides; the chosen one becomes a mention', async () => {
		await Promise.all([writer.goto(`/meetings/${meetingId}`), reader.goto(`/meetings/${meetingId}`)]);
		for (const page of [writer, reader]) {
			await expect.poll(() => editor(page).getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
			await expect.poll(() => page.getByTestId('activity-list').getAttribute('data-loaded'), { timeout: 15_000 }).toBe('true');
		}
		await newLine(writer);
		await writer.keyboard.type('@ev');
		const menu = writer.getByTestId('mention-menu');
		await expect.poll(() => menu.isVisible(), { timeout: 5_000 }).toBe(true);
		expect(await menu.getByRole('option').allInnerTexts()).toEqual([expect.stringContaining('Eva Norberg')]);
		// the editor keeps the focus and points at the option (keys stay in the text)
		expect(await editor(writer).getAttribute('aria-activedescendant')).toBe('minutes-mentions-0');
		await writer.keyboard.press('Enter');
		await expect.poll(() => menu.count()).toBe(0);
		expect(await editor(writer).getByTestId('minutes-mention').innerText()).toBe('@Eva Norberg');
		// both sides are offered
		await writer.keyboard.type('och @');
		const offered = await menu.getByRole('option').allInnerTexts();
		// the open list is accessible (WCAG 2.1 AA)
		const inMenu = await axeViolations(writer);
		expect(formatViolations('mention list', inMenu)).toEqual([]);
		expect(offered.some((o) => o.includes('Lina Holm') && o.includes('Leverantör'))).toBe(true);
		expect(offered.some((o) => o.includes('Oskar Falk') && o.includes('Kund'))).toBe(true);
		await writer.keyboard.press('Escape');
		for (let i = 0; i < 'och @'.length; i++) await writer.keyboard.press('Backspace');
	});

	it('Ctrl+Enter makes the line an action: owner from the mention, due date from the phrase; it reaches the others at once', async () => {
		await writer.keyboard.type(' tar fram en plan för brandväggsloggarna till 15/12');
		await writer.keyboard.press('Control+Enter');
		const title = 'Tar fram en plan för brandväggsloggarna';
		const due = findDuePhrase('till 15/12', { today: stockholmToday() })!.date;

		await expect.poll(() => chips(writer).count(), { timeout: 5_000 }).toBe(1);
		const chip = await chips(writer).innerText();
		expect(chip).toContain(title);
		expect(chip).toContain('Eva Norberg');
		expect(await writer.getByTestId('minutes-notice').innerText()).toContain(title);
		// the line itself is now the chip: its words are not in the minutes twice
		expect(await editor(writer).innerText()).not.toContain('till 15/12');

		// the writer's and a third person's activity list, and the chip in the third person's minutes
		for (const page of [writer, reader]) await expect.poll(() => listTitles(page), { timeout: 10_000 }).toContain(title);
		expect(await fieldsOf(reader, title)).toEqual({ owner: 'Eva Norberg', due, status: 'open' });
		await expect.poll(() => chips(reader).innerText(), { timeout: 10_000 }).toContain(title);

		// the owner's "Mina aktiviteter" (from the server's tables, once projected)
		await expect
			.poll(
				async () => {
					await owner.goto('/');
					return owner.getByTestId('my-actions').innerText();
				},
				{ timeout: 20_000, interval: 1_000 }
			)
			.toContain(title);
	});

	it('the toolbar button does the same, and "nästa möte" is the next meeting of the forum', async () => {
		await newLine(writer);
		await writer.keyboard.type('Boka workshop om incidentrutinen till nästa möte');
		await writer.getByTestId('capture-action').click();
		const title = 'Boka workshop om incidentrutinen';
		await expect.poll(() => chips(writer).count(), { timeout: 5_000 }).toBe(2);
		await expect.poll(() => listTitles(reader), { timeout: 10_000 }).toContain(title);
		expect(await fieldsOf(writer, title)).toEqual({ owner: 'Ingen utsedd', due: nextMeetingDay, status: 'open' });
		// a line that already is an action is not captured twice
		await writer.getByTestId('capture-action').click();
		expect(await writer.getByTestId('minutes-notice').innerText()).toContain('redan en aktivitet');
		await expect.poll(() => chips(writer).count()).toBe(2);
	});

	it('editing the chip changes the list, editing the list changes the chip, for everyone', async () => {
		const title = 'Tar fram en plan för brandväggsloggarna';
		// the chip opens the action; its status changes in the reader's list
		await chips(writer).filter({ hasText: title }).getByRole('button').click();
		const dialog = writer.getByTestId('action-chip-dialog');
		await expect.poll(() => dialog.isVisible()).toBe(true);
		const inDialog = await axeViolations(writer);
		expect(formatViolations('action dialog', inDialog)).toEqual([]);
		await dialog.getByTestId('action-status').selectOption('in_progress');
		await dialog.getByRole('button', { name: 'Stäng' }).click();
		await expect.poll(async () => (await fieldsOf(reader, title)).status, { timeout: 10_000 }).toBe('in_progress');
		await expect.poll(() => chips(reader).filter({ hasText: title }).innerText(), { timeout: 10_000 }).toContain('Pågår');

		// the list's title edited by the writer: the chip follows in both browsers
		const target = (await listItem(writer, title)).getByTestId('action-title');
		await target.click();
		await target.press('End');
		await target.pressSequentially(' och åtgärdslista');
		for (const page of [writer, reader]) await expect.poll(() => chips(page).allInnerTexts(), { timeout: 10_000 }).toContainEqual(expect.stringContaining(`${title} och åtgärdslista`));
	});

	it('a line turned into an action offline arrives when the browser is back', async () => {
		const context = writer.context();
		await context.setOffline(true);
		await expect.poll(() => writer.getByTestId('minutes-sync').getAttribute('data-state'), { timeout: 10_000 }).toBe('offline');
		await newLine(writer);
		await writer.keyboard.type('Uppdatera kontaktlistan om en vecka');
		await writer.keyboard.press('Control+Enter');
		await expect.poll(() => chips(writer).count(), { timeout: 5_000 }).toBe(3);
		// the reader has not got it yet
		expect(await listTitles(reader)).not.toContain('Uppdatera kontaktlistan');
		await context.setOffline(false);
		await expect.poll(() => listTitles(reader), { timeout: 20_000 }).toContain('Uppdatera kontaktlistan');
		await expect.poll(() => chips(reader).count(), { timeout: 20_000 }).toBe(3);
		await writer.screenshot({ path: 'test-results/minutes-actions-1280.png', fullPage: false }).catch(() => {});
	});
});
