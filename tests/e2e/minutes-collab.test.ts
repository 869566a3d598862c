/**
 * Co-writing the minutes (issue 3): a supplier user and a customer user, each
 * in their own browser context, type into the same minutes at the same time
 * against the real server. Both see both texts, each other's presence and
 * cursor; once the page says "Sparat" (flush barrier answered) a reload shows
 * the text, i.e. it is in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, signIn as signInAs } from '../helpers/browser';
import * as Y from 'yjs';
import { agendaItems } from '../../src/lib/realtime/agenda-doc';
import { meetingAgendaDoc } from '../../src/lib/realtime/doc-names';
import { connectClient } from '../helpers/collab-client';
import { collabFixture, type CollabFixture } from '../helpers/collab-fixtures';
import { startServer, type TestServer } from '../helpers/server';
import { caretToEndOf } from '../helpers/editor-caret';

const SUPPLIER = 'bam@itmastaren.example';
const CUSTOMER = 'avtal@norrby.example';
const NORRBY_PEOPLE = ['it@norrby.example', 'tjanst@norrby.example', 'sakerhet@norrby.example', 'forandring@norrby.example'];

describe.skipIf(!browserAvailable)('co-writing the minutes in the browser', () => {
	let server: TestServer;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	let supplier: Page;
	let customer: Page;
	let meetingPath: string;
	let readerEmail: string;
	let fx: CollabFixture;

	const signIn = (email: string) => signInAs(browser, server.url, email, contexts);

	const editor = (page: Page) => page.getByTestId('minutes-editor');
	const syncState = (page: Page) => page.getByTestId('minutes-sync').getAttribute('data-state');
	const presence = (page: Page) => page.getByTestId('minutes-presence').innerText();
	/** The signed-in person's own name, from their own entry in the presence list. */
	const ownName = async (page: Page) => (await page.getByTestId('minutes-presence').locator('li[data-self="true"]').getAttribute('data-name')) ?? '';

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		fx = await collabFixture(server);
		meetingPath = `/meetings/${fx.meetingId}`;
		// a Norrby person outside the meeting's forum: may read the minutes, not write them
		const { body } = await fx.supplier.json('GET', `/api/v1/customers/${fx.customerId}/forums`);
		const forum = (body.forums as { id: string; members: { email: string }[] }[]).find((f) => f.id === fx.forumId)!;
		readerEmail = NORRBY_PEOPLE.find((e) => !forum.members.some((m) => m.email === e))!;
		[supplier, customer] = await Promise.all([signIn(SUPPLIER), signIn(CUSTOMER)]);
	});

	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await browser?.close();
		await server?.stop();
	});

	it('opens the seeded minutes for both, with both present', async () => {
		await Promise.all([supplier.goto(meetingPath), customer.goto(meetingPath)]);
		for (const page of [supplier, customer]) {
			await expect.poll(() => editor(page).getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
			// seeded on the server: one heading per agenda item
			await expect.poll(() => editor(page).locator('h2').count()).toBeGreaterThan(1);
			expect(await editor(page).getAttribute('contenteditable')).toBe('true');
		}
		const [supplierName, customerName] = await Promise.all([ownName(supplier), ownName(customer)]);
		await expect.poll(() => presence(supplier)).toContain(customerName);
		await expect.poll(() => presence(customer)).toContain(supplierName);
		expect(await presence(supplier)).toContain('Kund');
		expect(await presence(customer)).toContain('Leverantör');
	});

	it('both type at the same time and both see both texts and the other cursor', async () => {
		const supplierText = 'Leverantören noterar: incidenterna minskade.';
		const customerText = 'Kunden noterar: nöjdheten ökade.';
		// Each writes in their own section (the empty paragraph under a heading).
		await editor(supplier).locator('p').nth(0).click();
		await editor(customer).locator('p').nth(1).click();
		await Promise.all([supplier.keyboard.type(supplierText, { delay: 15 }), customer.keyboard.type(customerText, { delay: 15 })]);

		for (const page of [supplier, customer]) {
			await expect.poll(() => editor(page).innerText(), { timeout: 10_000 }).toContain(supplierText);
			await expect.poll(() => editor(page).innerText(), { timeout: 10_000 }).toContain(customerText);
		}
		// The concurrent edits converged to one document.
		expect(await editor(supplier).innerText()).toBe(await editor(customer).innerText());

		// Remote cursors carry the other person's name.
		const [supplierName, customerName] = await Promise.all([ownName(supplier), ownName(customer)]);
		await expect.poll(() => supplier.getByTestId('minutes-cursors').innerText()).toContain(customerName);
		await expect.poll(() => customer.getByTestId('minutes-cursors').innerText()).toContain(supplierName);

		// Saved means committed: a reload (a fresh load from the server) shows both texts.
		for (const page of [supplier, customer]) await expect.poll(() => syncState(page), { timeout: 10_000 }).toBe('saved');
		await customer.reload();
		await expect.poll(() => editor(customer).getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
		await expect.poll(() => editor(customer).innerText()).toContain(supplierText);
		expect(await editor(customer).innerText()).toContain(customerText);
	});

	it('an action added by one appears for the other, live, and in the API', async () => {
		const titles = (page: Page) => page.getByTestId('action-title').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
		await expect.poll(() => customer.getByTestId('activity-list').getAttribute('data-loaded'), { timeout: 15_000 }).toBe('true');
		const form = customer.getByTestId('action-add');
		await form.getByLabel('Ny aktivitet').fill('Byt lösenordspolicy');
		await form.getByRole('button', { name: 'Lägg till' }).click();
		await expect.poll(() => titles(supplier), { timeout: 10_000 }).toContain('Byt lösenordspolicy');
		// the other side edits the same title; the first sees it as it is typed
		const field = supplier.getByTestId('action-item').filter({ has: supplier.locator('textarea[data-testid="action-title"]') }).last().getByTestId('action-title');
		await field.click();
		await field.press('End');
		await field.pressSequentially(' före 1 maj', { delay: 10 });
		await expect.poll(() => titles(customer), { timeout: 10_000 }).toContain('Byt lösenordspolicy före 1 maj');
		await expect
			.poll(async () => ((await fx.supplier.json('GET', `/api/v1/forums/${fx.forumId}/actions`)).body.actions as { title: string; raisedMeetingId: string }[]).find((a) => a.title === 'Byt lösenordspolicy före 1 maj')?.raisedMeetingId, { timeout: 10_000 })
			.toBe(fx.meetingId);
	});

	it('a decision block (beslut) written in the minutes lands in the decision register as a proposal', async () => {
		await caretToEndOf(supplier, editor(supplier).locator('p').nth(0));
		await supplier.keyboard.press('Enter');
		await supplier.keyboard.type('Vi förlänger avtalet med ett år.', { delay: 10 });
		await supplier.getByRole('button', { name: 'Beslut (infoga beslutsblock)' }).click();
		await expect.poll(() => customer.getByTestId('minutes-decision').allInnerTexts(), { timeout: 10_000 }).toContain('Vi förlänger avtalet med ett år.');
		await expect
			.poll(async () => ((await fx.customerAdmin.json('GET', `/api/v1/customers/${fx.customerId}/decisions?q=förlänger&status=all`)).body.decisions as { text: string; status: string }[]).map((d) => [d.text, d.status]), { timeout: 10_000 })
			.toEqual([['Vi förlänger avtalet med ett år.', 'proposed']]);
		// a proposal until the minutes are approved: not among the decided ones
		expect((await fx.customerAdmin.json('GET', `/api/v1/customers/${fx.customerId}/decisions?q=förlänger`)).body.decisions).toEqual([]);
	});

	it('undo takes back only one’s own typing', async () => {
		await caretToEndOf(customer, editor(customer).locator('p').nth(1));
		await customer.keyboard.type(' Ångra mig.', { delay: 10 });
		await expect.poll(() => editor(supplier).innerText()).toContain('Ångra mig.');
		await customer.getByRole('button', { name: 'Ångra' }).click();
		await expect.poll(() => editor(supplier).innerText()).not.toContain('Ångra mig.');
		// the supplier's text stays
		expect(await editor(supplier).innerText()).toContain('Leverantören noterar');
	});

	it('clears presence when a page goes away', async () => {
		const customerName = await ownName(customer);
		await customer.close();
		await expect.poll(() => presence(supplier), { timeout: 10_000 }).not.toContain(customerName);
		await expect.poll(() => supplier.getByTestId('minutes-cursors').innerText()).not.toContain(customerName);
	});

	it('opens the minutes read-only for a customer person outside the forum, who still sees the edits live', async () => {
		const reader = await signIn(readerEmail);
		await reader.goto(meetingPath);
		await expect.poll(() => editor(reader).getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
		expect(await editor(reader).getAttribute('contenteditable')).toBe('false');
		expect(await reader.locator('main').innerText()).toContain('Du kan läsa protokollet men inte ändra det.');
		expect(await reader.getByRole('toolbar').count()).toBe(0);
		expect(await editor(reader).innerText()).toContain('Leverantören noterar');

		await caretToEndOf(supplier, editor(supplier).locator('p').nth(0));
		await supplier.keyboard.type(' Läses live.', { delay: 10 });
		await expect.poll(() => editor(reader).innerText()).toContain('Läses live.');
	});

	it('shows the meeting agenda live from its document', async () => {
		const agenda = supplier.getByTestId('meeting-agenda');
		await expect.poll(() => agenda.getAttribute('data-live')).toBe('true');
		const client = connectClient(server.url, meetingAgendaDoc(fx.meetingId), fx.supplier.sessionCookie);
		try {
			await expect.poll(() => client.provider.synced).toBe(true);
			const title = agendaItems(client.doc).get(0).get('title') as Y.Text;
			title.insert(title.length, ' (ändrad live)');
			await client.flush();
			// the supplier may write: the titles are fields, co-edited live
			await expect.poll(() => agenda.getByTestId('agenda-title').first().inputValue()).toContain('(ändrad live)');
			// and what the supplier types reaches the document
			const field = agenda.getByTestId('agenda-title').first();
			await field.click();
			await field.press('End');
			await field.pressSequentially(' och här', { delay: 10 });
			await expect.poll(() => (agendaItems(client.doc).get(0).get('title') as Y.Text).toString()).toContain('(ändrad live) och här');
		} finally {
			client.destroy();
		}
	});
});
