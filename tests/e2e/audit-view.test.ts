/**
 * The customer admin's own audit view in Chromium (issue 14 point 11): from
 * the customer page to /customers/<id>/audit, a duty change of hers in Swedish
 * words, the filter by kind, and the same page in English after switching the
 * language; the supplier's internal entries are not there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, signIn } from '../helpers/browser';
import { demoIds, NORRBY, type DemoCustomer } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

describe.skipIf(!browserAvailable)("a customer admin's audit view", () => {
	let server: TestServer;
	let browser: Browser;
	let norrby: DemoCustomer;
	let eva: Page;
	let admin: Page;
	const contexts: BrowserContext[] = [];

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		norrby = (await demoIds(server.url)).customers[NORRBY];
		[eva, admin] = await Promise.all([
			signIn(browser, server.url, 'avtal@norrby.example', contexts),
			signIn(browser, server.url, 'admin@itmastaren.example', contexts)
		]);
		// her own change, and a supplier-internal one about her customer
		const chair = await eva.request.put(`/api/v1/forums/${norrby.forums.operational.id}/duties/chair`, {
			data: { party: 'customer', personId: norrby.person('avtal@norrby.example').id }
		});
		expect(chair.status()).toBe(200);
		const sla = (await (await admin.request.get(`/api/v1/customers/${norrby.id}/sla-settings`)).json()).settings;
		expect((await admin.request.put(`/api/v1/customers/${norrby.id}/sla-settings`, { data: { ...sla, pauseStatuses: ['Vilande'] } })).status()).toBe(200);
	});

	afterAll(async () => {
		for (const c of contexts) await c.close();
		await browser?.close();
		await server?.stop();
	});

	const rows = (page: Page) => page.locator('tbody tr');

	it('opens it from the customer page and reads her duty change in Swedish', async () => {
		await eva.goto(`/customers/${norrby.id}`);
		await eva.getByRole('link', { name: 'Ändringslogg' }).click();
		await eva.waitForURL(`**/customers/${norrby.id}/audit`);
		await eva.getByRole('heading', { level: 1, name: 'Ändringslogg' }).waitFor();
		const newest = rows(eva).first();
		expect(await newest.locator('td').nth(1).textContent()).toBe('Eva Norberg');
		const text = (await newest.textContent()) ?? '';
		expect(text).toContain('Ansvar i forum omfördelat');
		expect(text).toContain('Ansvar:');
		expect(text).toContain('Ordförande');
		expect(text).toMatch(/Part:\s*Före:\s*Leverantör\s*→\s*Efter:\s*Kund/);
		const page = (await eva.locator('main').textContent()) ?? '';
		for (const hidden of ['duty.assign', 'SLA-inställningar ändrade', 'Vilande', 'Leverantörsintern']) expect(page).not.toContain(hidden);
	});

	it('filters by kind of change', async () => {
		await eva.getByLabel('Typ av ändring').selectOption({ label: 'Ansvar' });
		await eva.getByRole('button', { name: 'Filtrera' }).click();
		await eva.waitForURL((url) => url.searchParams.get('kind') === 'duties');
		const events = await rows(eva).locator('td:nth-child(3) .font-medium').allTextContents();
		expect(events.length).toBeGreaterThan(0);
		expect(new Set(events)).toEqual(new Set(events.filter((e) => e === 'Ansvar i forum omfördelat' || e === 'Ansvar i möte omfördelat')));
		expect(await eva.getByLabel('Typ av ändring').inputValue()).toBe('duties');
		await eva.getByRole('link', { name: 'Rensa filter' }).click();
		await eva.waitForURL((url) => !url.search);
	});

	it('reads the same in English', async () => {
		await eva.getByRole('button', { name: 'In English' }).click();
		await eva.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
		const text = (await rows(eva).first().textContent()) ?? '';
		expect(text).toContain('Forum duty reassigned');
		expect(text).toContain('Chair');
		expect(text).toMatch(/Party:\s*Before:\s*Supplier\s*→\s*After:\s*Customer/);
		expect(await eva.getByLabel('Kind of change').locator('option').allTextContents()).toEqual([
			'All',
			'People',
			'Roles',
			'Duties',
			'Report access',
			'API tokens',
			'Forums',
			'Meetings and minutes',
			'KPI values',
			'Agreement and invoicing'
		]);
	});

	it("the supplier admin sees the supplier's internal entries there, marked", async () => {
		await admin.goto(`/customers/${norrby.id}/audit?kind=settings`);
		const first = rows(admin).first();
		expect(await first.textContent()).toContain('SLA-inställningar ändrade');
		expect(await first.textContent()).toContain('Leverantörsintern');
	});
});
