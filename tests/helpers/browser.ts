/**
 * Launches Debian's Chromium through playwright-core. On CI (CI=true) a
 * missing browser fails the run; on a developer machine the browser tests are
 * skipped with a message that says why.
 */
import { existsSync } from 'node:fs';
import { oneBrowserAtATime } from './browser-lock';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const browserAvailable = existsSync(CHROMIUM_PATH);

if (!browserAvailable) {
	const why = `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH).`;
	if (process.env.CI) throw new Error(`Browser tests are required on CI. ${why}`);
	console.warn(`SKIPPING browser tests: ${why}`);
}

/**
 * Browser test files run among the integration files (one worker pool), but
 * only one of them drives a browser at a time: the lock is held from launch
 * until the browser is gone.
 */
export async function launchBrowser(): Promise<Browser> {
	const release = await oneBrowserAtATime();
	try {
		const browser = await launch();
		browser.on('disconnected', release);
		return browser;
	} catch (err) {
		release();
		throw err;
	}
}

function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage'
		]
	});
}

/**
 * A signed-in page in a context of its own (one person), through the login
 * form. On localhost, not 127.0.0.1: the cookie jar treats them as different
 * sites. The context is pushed onto `contexts` for the caller to close.
 */
export async function signIn(
	browser: Browser,
	serverUrl: string,
	email: string,
	contexts: BrowserContext[],
	options: BrowserContextOptions = {}
): Promise<Page> {
	const context = await browser.newContext({ baseURL: serverUrl.replace('127.0.0.1', 'localhost'), ...options });
	contexts.push(context);
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('E-postadress').fill(email);
	await page.getByLabel('Lösenord').fill('demo1234');
	await page.getByRole('button', { name: 'Logga in' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/login'));
	return page;
}
