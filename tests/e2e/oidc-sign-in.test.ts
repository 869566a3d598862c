/**
 * Sign-in with the customer's own identity provider in Chromium (issue 17): a
 * person of Norrby types only their e-mail on Samverkan's sign-in page, is
 * sent to Norrby's provider (oidc-provider in this process), signs in on its
 * real login page, comes back signed in, and signs out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../helpers/api-client';
import { expectNoAxeViolations } from '../helpers/axe';
import { browserAvailable, launchBrowser, signIn } from '../helpers/browser';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { startTestIdp, type TestIdp } from '../helpers/oidc-provider';
import { startServer, type TestServer } from '../helpers/server';

describe.skipIf(!browserAvailable)('sign-in through the organisation\'s identity provider in the browser', () => {
	let server: TestServer;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	let idp: TestIdp;
	let appUrl: string;
	let norrby: string;
	const contexts: BrowserContext[] = [];

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true, env: { SECRETS_KEY: 'e'.repeat(64) } }), launchBrowser()]);
		// the browser's origin (localhost: the cookie jar treats 127.0.0.1 as another site)
		appUrl = server.url.replace('127.0.0.1', 'localhost');
		idp = await startTestIdp({ redirectUri: `${appUrl}/login/oidc/callback`, accounts: { 'norrby-it': { email: 'it@norrby.example', email_verified: true, name: 'Norrby IT' } } });
		norrby = (await demoIds(server.url)).customers[NORRBY].id;
		const admin = await new ApiClient(server.url).login('admin@itmastaren.example');
		const saved = await admin.json('PUT', `/api/v1/customers/${norrby}/identity-provider`, {
			issuer: idp.issuer,
			clientId: idp.clientId,
			clientSecret: idp.clientSecret,
			domains: 'norrby.example'
		});
		expect(saved.status).toBe(200);
		context = await browser.newContext({ baseURL: appUrl });
		page = await context.newPage();
	});

	afterAll(async () => {
		for (const c of contexts) await c.close();
		await browser?.close();
		await idp?.stop();
		await server?.stop();
	});

	it('types only the e-mail, signs in on the provider\'s own login page, comes back signed in, and signs out', async () => {
		await page.goto('/login');
		await page.getByLabel('E-postadress').fill('it@norrby.example');
		await page.getByRole('button', { name: 'Logga in' }).click();

		// the provider's real login page, on its own origin
		await page.waitForURL((url) => url.origin === new URL(idp.issuer).origin && url.pathname.startsWith('/interaction/'));
		await page.locator('input[name="login"]').fill('norrby-it');
		await page.locator('input[name="password"]').fill('any');
		await page.getByRole('button', { name: 'Sign-in' }).click();

		// back at Samverkan, signed in as Norrby's person
		await page.waitForURL((url) => url.origin === appUrl && !url.pathname.startsWith('/login'));
		const me = await page.request.get('/api/v1/me');
		expect(me.status()).toBe(200);
		expect((await me.json()).person).toMatchObject({ email: 'it@norrby.example' });
		expect(await context.cookies(appUrl)).toContainEqual(expect.objectContaining({ name: 'samverkan_session', httpOnly: true }));

		await page.getByRole('button', { name: 'Logga ut' }).click();
		await page.waitForURL((url) => url.pathname.startsWith('/login'));
		expect((await page.request.get('/api/v1/me')).status()).toBe(401);
	});

	it('the settings page shows what to register and never the secret, and passes axe', async () => {
		const admin = await signIn(browser, server.url, 'admin@itmastaren.example', contexts);
		await admin.goto(`/customers/${norrby}/sign-in`);
		expect(await admin.getByTestId('idp-callback').textContent()).toBe(`${appUrl}/login/oidc/callback`);
		expect(await admin.getByLabel('Klient-id').inputValue()).toBe(idp.clientId);
		expect(await admin.getByLabel('Klienthemlighet').inputValue()).toBe('');
		expect(await admin.content()).not.toContain(idp.clientSecret);
		await admin.getByRole('button', { name: 'Testa' }).click();
		await expect.poll(() => admin.getByTestId('idp-test-result').textContent()).toContain('Anslutningen fungerar');
		await expectNoAxeViolations(admin, 'identity provider settings');
	});
});
