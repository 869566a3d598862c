/**
 * The person form (one component, $lib/components/people/person-form.svelte)
 * on its two pages: the supplier's staff on /admin and a customer's people on
 * /customers/[id]. A field error comes back announced, next to its field, with
 * focus on it and the typed values kept; a valid submit is confirmed and empties
 * the form; the edit form saves; each page edits only the people it lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, signIn } from '../helpers/browser';
import { demoIds, NORRBY, type DemoIds } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

/** What the form shows after a submit that failed on the server. */
async function failure(form: Locator) {
	await form.getByRole('alert').waitFor();
	return form.evaluate((f) => ({
		alert: f.querySelector('[role=alert]')?.textContent?.trim(),
		errors: [...f.querySelectorAll('[aria-invalid="true"]')].map((field) => ({
			name: field.getAttribute('name'),
			message: document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent?.trim()
		})),
		focused: document.activeElement?.getAttribute('name'),
		name: f.querySelector<HTMLInputElement>('input[name=name]')?.value
	}));
}

/**
 * Adds a person through an add form: first with an e-mail address already in
 * use (the error comes back announced, at the field, with focus on it and the
 * name kept), then with a new one (confirmed, the form emptied).
 */
async function addAfterTakenEmail(form: Locator, submit: string, name: string, takenEmail: string, newEmail: string) {
	await form.getByLabel('Namn').fill(name);
	await form.getByLabel('E-postadress').fill(takenEmail);
	await form.getByRole('button', { name: submit }).click();
	expect(await failure(form)).toEqual({
		alert: 'Kontrollera de markerade fälten.',
		errors: [{ name: 'email', message: 'E-postadressen används redan' }],
		focused: 'email',
		name
	});
	await form.getByLabel('E-postadress').fill(newEmail);
	await form.getByRole('button', { name: submit }).click();
	await expect.poll(() => form.getByRole('status').textContent()).toBe(`${name} har lagts till.`);
	expect(await form.getByLabel('Namn').inputValue()).toBe('');
}

const accessOffered = (form: Locator) =>
	form.locator('select[name=access] option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));

describe.skipIf(!browserAvailable)('the person form on the admin and customer pages', () => {
	let server: TestServer;
	let browser: Browser;
	let ids: DemoIds;
	const contexts: BrowserContext[] = [];
	let supplierAdmin: Page;
	let customerAdmin: Page;
	const unique = Date.now().toString(36);

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		ids = await demoIds(server.url);
		[supplierAdmin, customerAdmin] = await Promise.all([
			signIn(browser, server.url, 'admin@itmastaren.example', contexts),
			signIn(browser, server.url, 'avtal@norrby.example', contexts)
		]);
	});

	afterAll(async () => {
		for (const c of contexts) await c.close();
		await browser?.close();
		await server?.stop();
	});

	it('adds a supplier staff member on /admin, after an e-mail address already in use', async () => {
		await supplierAdmin.goto('/admin');
		const form = supplierAdmin.locator('form[action="?/addStaff"]');
		expect(await accessOffered(form)).toEqual(['supplier_staff', 'supplier_admin']);
		await addAfterTakenEmail(form, 'Lägg till medarbetare', 'Stina Staff', 'im@itmastaren.example', `stina-${unique}@itmastaren.example`);
		await expect.poll(() => supplierAdmin.getByRole('table').first().innerText()).toContain(`stina-${unique}@itmastaren.example`);
	});

	it("adds and edits a customer's person on the customer page, with the customer's access levels", async () => {
		const norrby = ids.customers[NORRBY];
		await customerAdmin.goto(`/customers/${norrby.id}`);
		const form = customerAdmin.locator('form[action="?/addPerson"]');
		expect(await accessOffered(form)).toEqual(['customer_member', 'customer_admin']);
		await addAfterTakenEmail(form, 'Lägg till person', 'Kalle Kund', 'it@norrby.example', `kalle-${unique}@norrby.example`);

		// the new person's edit form, in their row of the list
		await customerAdmin.getByLabel('Redigera Kalle Kund', { exact: true }).click();
		const edit = customerAdmin.locator('details[open] form[action="?/editPerson"]');
		await edit.getByLabel('Titel').fill('Driftansvarig');
		await edit.getByRole('button', { name: 'Spara' }).click();
		await expect.poll(() => edit.getByRole('status').textContent()).toBe('Ändringarna för Kalle Kund sparades.');
		await expect.poll(() => customerAdmin.locator('#people').innerText()).toContain('Driftansvarig');
	});

	it('shows one’s own access and sign-in as fixed in one’s own edit form', async () => {
		const norrby = ids.customers[NORRBY];
		await customerAdmin.goto(`/customers/${norrby.id}`);
		await customerAdmin.getByLabel('Redigera Eva Norberg', { exact: true }).click();
		const own = customerAdmin.locator('details[open] form[action="?/editPerson"]');
		expect(await own.locator('select[name=access]').count()).toBe(0);
		expect(await own.locator('input[name=disabled]').count()).toBe(0);
		expect(await own.innerText()).toContain('Du kan inte sänka din egen behörighet.');
	});

	it("edits on each page only the people that page lists: not another party's, not another customer's", async () => {
		const norrby = ids.customers[NORRBY];
		const staff = ids.staff('im@itmastaren.example');
		const customerPerson = norrby.person('it@norrby.example');
		const origin = server.url.replace('127.0.0.1', 'localhost');
		const post = (path: string, form: Record<string, string>) =>
			supplierAdmin.request.post(path, { form, headers: { origin }, failOnStatusCode: false });
		const changed = { name: 'Changed', email: 'changed@example.org', title: 'Changed' };

		// the same request reaches the action when the person belongs to the page (so the 404s below are the rule)
		const own = { name: customerPerson.name, email: customerPerson.email };
		expect((await post(`/customers/${norrby.id}?/editPerson`, { _form: 'x', personId: customerPerson.id, ...own })).status()).toBe(200);
		// the supplier admin may edit both people, but not through the other page's form
		expect((await post(`/customers/${norrby.id}?/editPerson`, { _form: 'x', personId: staff.id, ...changed })).status()).toBe(404);
		expect((await post(`/admin?/updateStaff`, { _form: 'x', personId: customerPerson.id, ...changed })).status()).toBe(404);
		const other = Object.values(ids.customers).find((c) => c.id !== norrby.id)!;
		const otherPerson = other.people[0];
		expect((await post(`/customers/${norrby.id}?/editPerson`, { _form: 'x', personId: otherPerson.id, ...changed })).status()).toBe(404);

		const after = await demoIds(server.url);
		expect(after.staff('im@itmastaren.example').name).toBe(staff.name);
		expect(after.customers[NORRBY].person('it@norrby.example').name).toBe(customerPerson.name);
		expect(after.customers[other.name].people.find((p) => p.id === otherPerson.id)?.name).toBe(otherPerson.name);
	});
});
