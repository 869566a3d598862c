/**
 * The UI dialog (components/ui/dialog) in the browser, on the question a
 * chair gets when starting a meeting before its time: it is modal (the page
 * behind is inert, focus is inside), Escape closes it without starting the
 * meeting, and the question comes back on the next try (before, a dismissed
 * question stayed: the page kept the dismissed result in a deep $state proxy,
 * never identical to the result).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { browserAvailable, launchBrowser, signIn } from '../helpers/browser';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

describe.skipIf(!browserAvailable)('the modal dialog', () => {
	let server: TestServer;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	let chair: Page;
	let meetingId: string;

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		const forum = (await demoIds(server.url)).customers[NORRBY].forums.operational;
		const bam = await new ApiClient(server.url).login('bam@itmastaren.example');
		const created = await bam.json('POST', `/api/v1/forums/${forum.id}/meetings`, { title: 'Dialogprov', startsAt: '2031-03-11T09:00', endsAt: '2031-03-11T10:00' });
		expect(created.status).toBe(201);
		meetingId = created.body.meeting.id;
		chair = await signIn(browser, server.url, 'bam@itmastaren.example', contexts);
	}, 60_000);

	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await browser?.close();
		await server?.stop();
	});

	const dialog = () => chair.getByTestId('start-early');
	const isModal = () => dialog().evaluate((d) => d.matches(':modal'));

	it('asks as a modal alertdialog holding the focus; Escape closes it and nothing starts', async () => {
		await chair.goto(`/meetings/${meetingId}`);
		const state = await chair.getByTestId('meeting-state').innerText();
		await chair.getByTestId('start-meeting').click();
		await dialog().waitFor({ timeout: 10_000 });
		expect(await dialog().getAttribute('role')).toBe('alertdialog');
		expect(await isModal()).toBe(true);
		// named by its title, and the focus is inside it
		expect(await chair.getByRole('alertdialog', { name: 'Mötet har inte börjat än' }).count()).toBe(1);
		expect(await dialog().evaluate((d) => d.contains(document.activeElement))).toBe(true);

		await chair.keyboard.press('Escape');
		await dialog().waitFor({ state: 'hidden' });
		expect(await isModal()).toBe(false);
		expect(await chair.getByTestId('meeting-state').innerText()).toBe(state);
	});

	it('asks again on the next try, and the cancel button closes it too', async () => {
		await chair.getByTestId('start-meeting').click();
		await dialog().waitFor({ timeout: 10_000 });
		expect(await isModal()).toBe(true);
		await dialog().getByRole('button', { name: 'Avbryt' }).click();
		await dialog().waitFor({ state: 'hidden' });
		// the page behind is usable again
		await chair.getByTestId('start-meeting').focus();
		expect(await chair.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('start-meeting');
	});
});
