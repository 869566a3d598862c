/**
 * Issue 17's local-account journey in Chromium, against a real SMTP server:
 * a customer's admin invites a new person from the customer page; the person
 * opens the mailed link, chooses a password and is signed in; turns on
 * two-factor sign-in (a code from the secret the page shows) and sees the
 * recovery codes once; signs out, and signs in again with password and code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { ApiClient } from '../helpers/api-client';
import { browserAvailable, launchBrowser, signIn } from '../helpers/browser';
import { startServer, type TestServer } from '../helpers/server';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';

const NAME = 'Ines Inbjuden';
const EMAIL = 'ines@norrby.example';
const PASSWORD = 'ines-eget-losen-1';

describe.skipIf(!browserAvailable)('invited, signed in, two-factor on, signed in again with a code', () => {
	let sink: SmtpSink;
	let server: TestServer;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	let customerId: string;
	let newcomer: Page;
	let secret: string;

	beforeAll(async () => {
		sink = await startSmtpSink();
		[server, browser] = await Promise.all([startServer({ demo: true, env: { SMTP_URL: sink.url, NOTIFY_POLL_MS: '150' } }), launchBrowser()]);
		const customerAdmin = await new ApiClient(server.url).login('avtal@norrby.example');
		customerId = (await customerAdmin.json('GET', '/api/v1/me')).body.person.customerId;
		expect((await customerAdmin.json('POST', `/api/v1/customers/${customerId}/people`, { name: NAME, email: EMAIL, access: 'customer_member' })).status).toBe(201);
	});

	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await browser?.close();
		await server?.stop();
		await sink?.close();
	});

	it('the customer admin invites her from the customer page; the mail links to choosing a password, which signs her in', async () => {
		const admin = await signIn(browser, server.url, 'avtal@norrby.example', contexts);
		await admin.goto(`/customers/${customerId}`);
		await admin.getByRole('button', { name: `Skicka inbjudan till ${NAME}` }).click();
		await admin.locator(`[data-invitation="${EMAIL}"]`).waitFor();

		const [mail] = await sink.waitFor((all) => all.some((m) => m.to === EMAIL), 'the invitation mail');
		const link = new URL(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}/.exec(mail.parsed.text ?? '')![0]);

		const context = await browser.newContext({ baseURL: server.url.replace('127.0.0.1', 'localhost') });
		contexts.push(context);
		newcomer = await context.newPage();
		await newcomer.goto(link.pathname);
		await newcomer.getByText(EMAIL).first().waitFor();
		await newcomer.getByLabel('Nytt lösenord').fill(PASSWORD);
		await newcomer.getByRole('button', { name: 'Välj lösenord och logga in' }).click();
		await newcomer.waitForURL((url) => url.pathname === '/');
		await newcomer.getByRole('link', { name: NAME }).waitFor();
	});

	it('she turns two-factor sign-in on with a code and sees her recovery codes once', async () => {
		await newcomer.goto('/settings/security');
		secret = (await newcomer.getByTestId('totp-secret').innerText()).trim();
		await newcomer.getByRole('img', { name: 'QR-kod för tvåstegsverifiering' }).waitFor();
		const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate();
		await newcomer.getByLabel('Kod').fill(code);
		await newcomer.getByRole('button', { name: 'Slå på tvåstegsverifiering' }).click();
		await expect.poll(() => newcomer.getByTestId('recovery-codes').locator('li').count(), { timeout: 10_000 }).toBe(10);
		await newcomer.getByText('Tvåstegsverifiering är påslagen sedan', { exact: false }).waitFor();
	});

	it('signed out, she signs in with her password and then a code from her app', async () => {
		await newcomer.getByRole('button', { name: 'Logga ut' }).click();
		await newcomer.waitForURL((url) => url.pathname.startsWith('/login'));
		await newcomer.goto('/login');
		await newcomer.getByLabel('E-postadress').fill(EMAIL);
		await newcomer.getByLabel('Lösenord').fill(PASSWORD);
		await newcomer.getByRole('button', { name: 'Logga in' }).click();
		await newcomer.waitForURL((url) => url.pathname === '/login/two-factor');
		// the code of the next step: the one that turned it on is spent
		const next = new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + 30_000 });
		await newcomer.getByLabel('Kod').fill(next);
		await newcomer.getByRole('button', { name: 'Logga in' }).click();
		await newcomer.waitForURL((url) => url.pathname === '/');
		await newcomer.getByRole('link', { name: NAME }).waitFor();
	});
});
