/**
 * The bell in Chromium (issue 16): the convener publishes a meeting's agenda
 * on the meeting page while a customer participant has another page open;
 * her bell's count rises without a reload, she opens the bell, sees the
 * kallelse, and the count goes to 0. Then her choices page, where the
 * mandatory kinds are fixed and a choice is saved. Screenshots (desktop and
 * 390 px) go to SCREENSHOT_DIR when it is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../helpers/api-client';
import { browserAvailable, launchBrowser, signIn } from '../helpers/browser';
import { startServer, type TestServer } from '../helpers/server';

const CONVENER = 'bam@itmastaren.example';
const PARTICIPANT = 'avtal@norrby.example';
const TITLE = 'Driftmöte med klocka';
const SHOTS = process.env.SCREENSHOT_DIR;

describe.skipIf(!browserAvailable)('the bell', () => {
	let server: TestServer;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	let convener: Page;
	let participant: Page;
	let meetingId: string;

	const shot = async (page: Page, name: string) => {
		if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
	};
	const bell = () => participant.getByTestId('bell');

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true, env: { NOTIFY_POLL_MS: '200' } }), launchBrowser()]);
		const admin = await new ApiClient(server.url).login('admin@itmastaren.example');
		const customers = (await admin.json('GET', '/api/v1/customers')).body.customers as { id: string; name: string }[];
		const norrby = customers.find((c) => c.name.startsWith('Norrby'))!.id;
		const forums = (await admin.json('GET', `/api/v1/customers/${norrby}/forums`)).body.forums as { id: string; templateKey: string }[];
		const forum = forums.find((f) => f.templateKey === 'operational')!;
		const res = await admin.json('POST', `/api/v1/forums/${forum.id}/meetings`, { title: TITLE, startsAt: '2031-03-04T09:00', endsAt: '2031-03-04T10:00' });
		meetingId = res.body.meeting.id;
		// what the demo left in her bell is read, so the count starts at 0
		await (await new ApiClient(server.url).login(PARTICIPANT)).json('POST', '/api/v1/me/notifications/read', { all: true });
		[convener, participant] = await Promise.all([signIn(browser, server.url, CONVENER, contexts), signIn(browser, server.url, PARTICIPANT, contexts)]);
	});

	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await browser?.close();
		await server?.stop();
	});

	it('rises live on her open page when the convener publishes; opening it shows the kallelse and the count goes to 0', async () => {
		await participant.goto('/');
		expect(await bell().getAttribute('aria-label')).toBe('Aviseringar');
		expect(await participant.getByTestId('bell-count').count()).toBe(0);

		await convener.goto(`/meetings/${meetingId}`);
		await convener.getByTestId('publish-agenda').click();

		// no reload: the socket tells her page
		await participant.getByTestId('bell-count').waitFor({ timeout: 10_000 });
		expect(await participant.getByTestId('bell-count').innerText()).toBe('1');
		expect(await bell().getAttribute('aria-label')).toBe('1 oläst avisering');

		await bell().click();
		const panel = participant.getByTestId('bell-panel');
		const item = panel.getByRole('link', { name: `Oläst: Kallelse: ${TITLE}` });
		await item.waitFor();
		expect(await item.getAttribute('href')).toBe(`/meetings/${meetingId}`);
		await expect.poll(() => participant.getByTestId('bell-count').count()).toBe(0);
		expect(await bell().getAttribute('aria-label')).toBe('Aviseringar');
		await shot(participant, 'bell-panel');

		// Escape closes it and focus returns to the bell
		await participant.keyboard.press('Escape');
		await panel.waitFor({ state: 'detached' });
		expect(await participant.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('bell');

		// still 0 after a reload: it was marked read on the server
		await participant.reload();
		expect(await participant.getByTestId('bell-count').count()).toBe(0);
	});

	it('fits a phone: the panel at 390 px', async () => {
		await participant.setViewportSize({ width: 390, height: 800 });
		await participant.goto('/');
		await bell().click();
		const panel = participant.getByTestId('bell-panel');
		await panel.getByRole('link', { name: `Kallelse: ${TITLE}` }).waitFor();
		const box = (await panel.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(390);
		await shot(participant, 'bell-panel-390');
		await panel.getByRole('link', { name: 'Välj hur du aviseras' }).click();
		await participant.waitForURL('**/settings/notifications');
		await shot(participant, 'settings-390');
		await participant.setViewportSize({ width: 1280, height: 900 });
	});

	it('her choices: the mandatory kinds are fixed, a choice is saved and shown as hers', async () => {
		await participant.goto('/settings/notifications');
		const invitation = participant.locator('[data-kind="meeting.invitation"]');
		expect(await invitation.innerText()).toContain('Alltid e-post — kan inte stängas av');
		expect(await invitation.getByRole('radio').count()).toBe(0);
		const approved = participant.getByRole('radiogroup', { name: 'Justerat protokoll' });
		expect(await approved.getByRole('radio', { name: 'E-post direkt' }).isChecked()).toBe(true);
		expect(await participant.locator('[data-kind="minutes.approved"]').innerText()).toContain('(standard)');
		await shot(participant, 'settings');

		await approved.getByRole('radio', { name: 'Bara i Samverkan' }).check();
		await participant.getByRole('button', { name: 'Spara' }).click();
		await participant.getByRole('status').filter({ hasText: 'Dina val är sparade.' }).waitFor();
		await participant.reload();
		expect(await participant.getByRole('radiogroup', { name: 'Justerat protokoll' }).getByRole('radio', { name: 'Bara i Samverkan' }).isChecked()).toBe(true);
		expect(await participant.locator('[data-kind="minutes.approved"]').innerText()).toContain('(ditt val)');
		const prefs = (await (await participant.request.get('/api/v1/me/notification-preferences')).json()).preferences;
		expect(prefs.kinds.find((k: { kind: string }) => k.kind === 'minutes.approved').own).toBe('inapp');
		// untouched kinds stay on their defaults (saving did not turn them into her own choices)
		expect(prefs.kinds.filter((k: { own: string | null }) => k.own !== null).length).toBe(1);
		expect(prefs.localeSaved).toBe(true);
	});
});
