/**
 * Launches Debian's Chromium through playwright-core. On CI (CI=true) a
 * missing browser fails the run; on a developer machine the browser tests are
 * skipped with a message that says why.
 *
 * Every page of a browser launched here is watched for Content-Security-Policy
 * violations (the page's securitypolicyviolation events and Chromium's
 * "Refused to …" console errors): a test during which one happened fails.
 */
import { existsSync } from 'node:fs';
import { afterEach } from 'vitest';
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
		watchCsp(browser);
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

export interface CspViolation {
	/** the page's URL when it happened */
	url: string;
	/** 'event' (securitypolicyviolation) or 'console' (Chromium's error message) */
	seen: 'event' | 'console';
	/** e.g. "script-src-elem 'self' …: inline" */
	text: string;
}

const violations: CspViolation[] = [];
const pages = new Set<Page>();
const REPORT = '__samverkanCspViolation';

/** Every context of this browser (browser.newPage makes one too) reports its pages' violations. */
function watchCsp(browser: Browser): void {
	const newContext = browser.newContext.bind(browser);
	browser.newContext = async (options?: BrowserContextOptions) => {
		const context = await newContext(options);
		await context.exposeBinding(REPORT, ({ page }, text: string) => void violations.push({ url: page.url(), seen: 'event', text }));
		await context.addInitScript((report) => {
			document.addEventListener(
				'securitypolicyviolation',
				(e) => {
					const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : '';
					const call = (window as unknown as Record<string, (text: string) => void>)[report];
					void call(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}${where}: ${e.sample}`);
				},
				true
			);
		}, REPORT);
		const watch = (page: Page) => {
			pages.add(page);
			page.on('close', () => pages.delete(page));
			page.on('console', (msg) => {
				if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) violations.push({ url: page.url(), seen: 'console', text: msg.text() });
			});
		};
		context.pages().forEach(watch);
		context.on('page', watch);
		return context;
	};
}

/** Waits until every open page has delivered what it reported so far (a round trip to each page). */
async function settle(): Promise<void> {
	await Promise.all(
		[...pages].map((page) => Promise.race([page.evaluate(() => 0).catch(() => 0), new Promise((r) => setTimeout(r, 1_000))]))
	);
}

/** The CSP violations since the last call (for a test that provokes them on purpose), and forgets them. */
export async function takeCspViolations(): Promise<CspViolation[]> {
	await settle();
	return violations.splice(0);
}

// Registered in every test file that uses the browser: no test may leave a CSP violation behind.
afterEach(async () => {
	const found = await takeCspViolations();
	if (found.length > 0) {
		throw new Error(`Content-Security-Policy violations:\n${found.map((v) => `  ${v.url} (${v.seen}): ${v.text}`).join('\n')}`);
	}
});

/**
 * Opens a page and waits until the app has started (hydrated). A click before
 * that reaches no script: a button whose work is done by a handler does
 * nothing yet. (A `<details>` opened before then stays open: app-start.test.ts.)
 */
export async function gotoStarted(page: Page, path: string): Promise<void> {
	await page.goto(path);
	// SvelteKit mounts its route announcer once the app has started
	await page.locator('#svelte-announcer').waitFor({ state: 'attached', timeout: 15_000 });
}
