/**
 * Ticket connectors in the browser (issue 21, "Done means"): the supplier
 * admin sets up a ServiceNow connector for a customer against the contract
 * server (tests/helpers/ticket-sources.ts), presses "Synka nu", sees the run
 * in the connector's history, and finds the figures on the SLA slide of the
 * customer's next meeting, the same the SLA report of that period gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../helpers/api-client';
import { expectNoAxeViolations } from '../helpers/axe';
import { browserAvailable, gotoStarted, launchBrowser, signIn } from '../helpers/browser';
import { startServer, type TestServer } from '../helpers/server';
import { serviceNowRecords, SN_USER, startServiceNow, type ServiceNowServer } from '../helpers/ticket-sources';
import { newCustomer, SYNC_ENV } from '../helpers/ticket-sync';

const DATE_FIELDS = ['opened_at', 'resolved_at', 'closed_at', 'sys_updated_on', 'sys_created_on', 'reopened_time'];
const pad = (n: number) => String(n).padStart(2, '0');
const raw = (ms: number) => {
	const d = new Date(ms);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

/**
 * The real incidents moved into this month: each opened one hour after the
 * previous from the 1st, every other time of it moved by as much, so each
 * keeps its real durations (and so its SLA outcome).
 */
function recordsOfThisMonth(monthStart: number): Record<string, string>[] {
	return serviceNowRecords().map((r, i) => {
		const opened = Date.parse(`${r.opened_at.replace(' ', 'T')}Z`);
		const shift = monthStart + 2 * 3600_000 + i * 3600_000 - opened;
		const moved = { ...r };
		for (const f of DATE_FIELDS) if (r[f]) moved[f] = raw(Date.parse(`${r[f].replace(' ', 'T')}Z`) + shift);
		return moved;
	});
}

describe.skipIf(!browserAvailable)('ticket connectors in the browser', () => {
	let server: TestServer;
	let browser: Browser;
	let sn: ServiceNowServer;
	const contexts: BrowserContext[] = [];
	let admin: Page;
	let customerId: string;
	let meetingId: string;
	const now = new Date();
	const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
	const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
	const day = (d: Date) => d.toISOString().slice(0, 10);

	beforeAll(async () => {
		[server, browser, sn] = await Promise.all([startServer({ demo: true, env: SYNC_ENV }), launchBrowser(), startServiceNow(recordsOfThisMonth(monthStart))]);
		const api = await new ApiClient(server.url).login('admin@itmastaren.example');
		customerId = await newCustomer(api, 'Synkkunden AB');
		const forum = await api.json('POST', `/api/v1/customers/${customerId}/forums`, { templateKey: 'tactical' });
		expect(forum.status).toBe(201);
		// the forum's first meeting, next month: its figures are this whole month's
		const meeting = await api.json('POST', `/api/v1/forums/${forum.body.forum.id}/meetings`, {
			title: 'Taktiskt forum',
			startsAt: `${day(nextMonth).slice(0, 8)}15T09:00`,
			endsAt: `${day(nextMonth).slice(0, 8)}15T10:30`
		});
		expect(meeting.status).toBe(201);
		meetingId = meeting.body.meeting.id;
		admin = await signIn(browser, server.url, 'admin@itmastaren.example', contexts, { viewport: { width: 1280, height: 900 } });
	});

	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await browser?.close();
		await Promise.all([server?.stop(), sn?.close()]);
	});

	const runsText = (page: Page) => page.getByTestId('connector-runs-servicenow').innerText().catch(() => '');

	it('the supplier admin sets up the connector, presses "Synka nu" and sees the run', async () => {
		await gotoStarted(admin, `/customers/${customerId}/tickets/connectors`);
		const card = admin.getByTestId('connector-servicenow');
		await card.getByLabel('Adress (bas-URL)').fill(sn.url);
		await card.getByLabel('Användarnamn eller klient-id').fill(SN_USER.user);
		await card.getByLabel('Lösenord eller klienthemlighet').fill(SN_USER.password);
		// the schedule off: this run is the button's
		await card.getByLabel('Hämta enligt schemat').uncheck();
		await card.getByRole('button', { name: 'Spara koppling' }).click();
		await expect.poll(() => card.innerText()).toContain('Kopplingen är sparad.');
		// the typed secret does not stay in its field once saved, before any reload
		expect(await card.getByLabel('Lösenord eller klienthemlighet').inputValue()).toBe('');
		// the secret is never shown again
		await gotoStarted(admin, `/customers/${customerId}/tickets/connectors`);
		expect(await card.getByLabel('Lösenord eller klienthemlighet').inputValue()).toBe('');
		expect(await card.innerText()).toContain('En hemlighet är sparad och visas aldrig igen.');

		await card.getByRole('button', { name: 'Synka nu' }).click();
		await expect.poll(() => runsText(admin), { timeout: 30_000 }).toContain('Klar');
		const row = (await runsText(admin)).split('\n').find((l) => l.includes('Synka nu'))!;
		// read, new, changed, unchanged, requests
		expect(row.split('\t').slice(3, 7)).toEqual(['67', '67', '0', '0']);
		await expectNoAxeViolations(admin, 'the connectors page with a run');
	});

	it("the figures are on the SLA slide of the customer's next meeting, as the SLA report of the period gives them", async () => {
		const api = await new ApiClient(server.url).login('admin@itmastaren.example');
		const report = (await api.json('GET', `/api/v1/customers/${customerId}/sla?from=${day(new Date(monthStart))}&to=${day(nextMonth)}`)).body.sla;
		const rows = report.resolution as { priority: number; tickets: number }[];
		expect(rows.reduce((n, r) => n + r.tickets, 0)).toBeGreaterThan(0);

		await gotoStarted(admin, `/meetings/${meetingId}/room`);
		await expect.poll(() => admin.getByTestId('room-connection').getAttribute('data-connected'), { timeout: 15_000 }).toBe('true');
		await admin.keyboard.press('ArrowRight');
		await expect.poll(() => admin.getByTestId('slide-stage').getAttribute('data-slide-key')).toBe('sla');
		const table = admin.getByTestId('slide-stage').locator('table');
		for (const r of rows) {
			const text = await table.locator('tr', { has: admin.locator('th', { hasText: `P${r.priority}` }) }).innerText();
			expect(text, `P${r.priority}`).toContain(String(r.tickets));
		}
	});
});
