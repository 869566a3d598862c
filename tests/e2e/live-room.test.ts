/**
 * The live meeting room in the browser (issue 6, "Done means"): three people
 * in their own browser contexts. The presenter moves through the slides and
 * both followers follow; one detaches, browses and follows again; then the
 * customer's admin gives the chair to a colleague and all three see the new
 * chair within a second, the chair's controls move with it, and the audit log
 * records the handover.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../helpers/api-client';
import { browserAvailable, launchBrowser, signIn as signInAs } from '../helpers/browser';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

describe.skipIf(!browserAvailable)('the live meeting room in three browsers', () => {
	let server: TestServer;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	let presenter: Page;
	let chair: Page;
	let member: Page;
	let meetingId: string;
	let customerId: string;

	const signIn = (email: string) => signInAs(browser, server.url, email, contexts, { viewport: { width: 1280, height: 900 } });

	const slideOf = async (page: Page) => Number(await page.getByTestId('slide-stage').getAttribute('data-slide'));
	const chairName = (page: Page) => page.getByTestId('duty-chair').innerText();

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		const ids = await demoIds(server.url);
		const norrby = ids.customers[NORRBY];
		customerId = norrby.id;
		// the tactical forum: Eva Norberg (avtal@) chairs, Johan Berg (bam@) presents
		meetingId = norrby.meetings[norrby.forums.tactical.id].at(-1)!;
		[presenter, chair, member] = await Promise.all([signIn('bam@itmastaren.example'), signIn('avtal@norrby.example'), signIn('it@norrby.example')]);
	});

	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await browser?.close();
		await server?.stop();
	});

	it('opens the room from the meeting page for everyone, all present', async () => {
		await presenter.goto(`/meetings/${meetingId}`);
		await presenter.getByTestId('open-room').click();
		await presenter.waitForURL(`**/meetings/${meetingId}/room`);
		await Promise.all([chair.goto(`/meetings/${meetingId}/room`), member.goto(`/meetings/${meetingId}/room`)]);
		for (const page of [presenter, chair, member]) {
			await expect.poll(() => page.getByTestId('room-connection').getAttribute('data-connected'), { timeout: 15_000 }).toBe('true');
			await expect.poll(() => page.getByTestId('room-presence').locator('li[data-person]').count(), { timeout: 5_000 }).toBe(3);
		}
		// the chart is SVG drawn by the page itself
		await presenter.keyboard.press('ArrowRight');
		await expect.poll(() => presenter.getByTestId('slide-stage').getAttribute('data-slide-key')).toBe('sla');
		expect(await presenter.getByTestId('slide-stage').locator('svg[role="img"] title').textContent()).toBe('SLA-uppfyllnad per prioritet');
		expect(await presenter.getByTestId('slide-stage').locator('svg[role="img"]').innerHTML()).toContain('Mål 95 %');
	});

	it('the presenter moves through the slides and both followers follow', async () => {
		await presenter.keyboard.press('Home');
		await expect.poll(() => slideOf(presenter)).toBe(0);
		await presenter.getByTestId('present-start').click();
		await expect.poll(() => presenter.getByTestId('follow-status').innerText()).toContain('Du presenterar');
		for (const page of [chair, member]) await expect.poll(() => page.getByTestId('follow-status').innerText()).toContain('Följer Johan Berg');
		for (const target of [1, 2, 3]) {
			await presenter.keyboard.press('ArrowRight');
			for (const page of [presenter, chair, member]) await expect.poll(() => slideOf(page), { timeout: 2_000 }).toBe(target);
		}
		// followers cannot move the room: they only browse locally
		expect(await presenter.getByTestId('slide-position').innerText()).toBe('Bild 4 av 8');
	});

	it('a follower detaches, browses, and follows again', async () => {
		await member.keyboard.press('ArrowLeft');
		await member.keyboard.press('ArrowLeft');
		expect(await slideOf(member)).toBe(1);
		await expect.poll(() => member.getByTestId('follow-again').isVisible()).toBe(true);
		await presenter.keyboard.press('ArrowRight');
		await expect.poll(() => slideOf(chair), { timeout: 2_000 }).toBe(4);
		await member.waitForTimeout(300);
		expect(await slideOf(member)).toBe(1);
		expect(await slideOf(presenter)).toBe(4);
		await member.getByTestId('follow-again').click();
		await expect.poll(() => slideOf(member), { timeout: 2_000 }).toBe(4);
		await expect.poll(() => member.getByTestId('follow-status').innerText()).toContain('Följer Johan Berg');
		// and keeps following
		await presenter.keyboard.press('ArrowRight');
		await expect.poll(() => slideOf(member), { timeout: 2_000 }).toBe(5);
	});

	it('avtal@norrby gives the chair to it@norrby: everyone sees it within a second, the controls move, the audit log has it', async () => {
		for (const page of [presenter, chair, member]) expect(await chairName(page)).toBe('Eva Norberg');
		await expect.poll(() => chair.getByTestId('chair-controls').count()).toBe(1);
		expect(await member.getByTestId('chair-controls').count()).toBe(0);
		expect(await presenter.getByTestId('chair-controls').count()).toBe(0);

		const form = chair.getByTestId('handover-form');
		await form.getByLabel('Ansvar').selectOption({ label: 'Ordförande' });
		await form.getByLabel('Till').selectOption({ label: 'Oskar Falk' });
		await form.getByRole('button', { name: 'Lämna över' }).click();
		const clicked = Date.now();
		await Promise.all(
			[presenter, chair, member].map((page) => expect.poll(() => chairName(page), { timeout: 1_000, interval: 25 }).toBe('Oskar Falk'))
		);
		expect(Date.now() - clicked).toBeLessThan(1_000);
		await expect.poll(() => chair.getByTestId('chair-controls').count(), { timeout: 1_000 }).toBe(0);
		await expect.poll(() => member.getByTestId('chair-controls').count(), { timeout: 1_000 }).toBe(1);
		expect(await presenter.getByTestId('chair-controls').count()).toBe(0);

		// the new chair's controls work: set the current item, everyone sees its timer
		await member.getByTestId('chair-controls').getByRole('button', { name: 'Nästa punkt' }).click();
		for (const page of [presenter, chair, member]) {
			await expect.poll(() => page.getByTestId('item-timer').getByRole('timer').count(), { timeout: 2_000 }).toBe(1);
		}

		const api = await new ApiClient(server.url).login('avtal@norrby.example');
		const { body } = await api.json('GET', `/api/v1/audit?customerId=${customerId}`);
		const entry = (body.entries as { action: string; entityId: string; actorName: string; before: { person: string }; after: { duty: string; person: string } }[]).find(
			(e) => e.action === 'meeting.duty.assign'
		);
		expect(entry).toMatchObject({ entityId: meetingId, actorName: 'Eva Norberg', before: { person: 'Eva Norberg' }, after: { duty: 'chair', person: 'Oskar Falk' } });
	});

	it("a CAB meeting's room has the CAB's deck: the overview and the changes, no invoicing", async () => {
		const norrby = (await demoIds(server.url)).customers[NORRBY];
		const cabMeeting = norrby.meetings[norrby.forums.cab.id].at(-1)!;
		await member.goto(`/meetings/${cabMeeting}/room`);
		await expect.poll(() => member.getByTestId('room-connection').getAttribute('data-connected'), { timeout: 15_000 }).toBe('true');
		await member.keyboard.press('Home');
		await expect.poll(() => member.getByTestId('slide-position').innerText()).toBe('Bild 1 av 2');
		await member.keyboard.press('End');
		await expect.poll(() => member.getByTestId('slide-stage').getAttribute('data-slide-key')).toBe('changes');
		await member.keyboard.press('ArrowRight');
		expect(await member.getByTestId('slide-stage').getAttribute('data-slide-key'), 'the last slide of the deck').toBe('changes');
		expect(await member.getByTestId('slide-position').innerText()).toBe('Bild 2 av 2');
	});
});
