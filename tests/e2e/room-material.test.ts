/**
 * The live room presents a PDF from the meeting's material (issue 16), in two
 * browsers: the presenter picks the PDF and turns its pages; the customer's
 * member sees each page drawn (ink on the canvas, the page's words for screen
 * readers), can leaf on alone and follow again, and is back on the slides
 * when the presenter is. Supplier-internal material is not offered; no CSP
 * violation (pdf.js and its worker run under the app's policy).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../helpers/api-client';
import { browserAvailable, launchBrowser, signIn as signInAs } from '../helpers/browser';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { multiPagePdf } from '../helpers/pdf-fixture';
import { startServer, type TestServer } from '../helpers/server';

describe.skipIf(!browserAvailable)('the room shows a PDF of the material', () => {
	let server: TestServer;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	let presenter: Page;
	let member: Page;
	let meetingId: string;

	const signIn = (email: string) => signInAs(browser, server.url, email, contexts, { viewport: { width: 1280, height: 900 } });
	const shownPage = (page: Page) => page.getByTestId('material-page').getAttribute('data-rendered-page');
	/** whether the canvas has dark ink (the page's heading) and the blue band pdfkit drew */
	const inkOf = (page: Page) =>
		page.getByTestId('material-page').locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
			const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
			let dark = 0;
			let blue = 0;
			for (let i = 0; i < data.length; i += 16) {
				if (data[i] < 60 && data[i + 1] < 60 && data[i + 2] < 60 && data[i + 3] > 200) dark++;
				if (data[i + 2] > 180 && data[i] < 60) blue++;
			}
			return { dark, blue };
		});

	async function upload(email: string, bytes: Uint8Array, query: Record<string, string>) {
		const client = await new ApiClient(server.url).login(email);
		const res = await fetch(`${server.url}/api/v1/meetings/${meetingId}/material?${new URLSearchParams(query)}`, {
			method: 'POST',
			headers: { cookie: client.sessionCookie, 'content-type': 'application/octet-stream' },
			body: bytes as BodyInit
		});
		expect(res.status).toBe(201);
	}

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		const ids = await demoIds(server.url);
		const norrby = ids.customers[NORRBY];
		const admin = await new ApiClient(server.url).login('admin@itmastaren.example');
		const created = await admin.json('POST', `/api/v1/forums/${norrby.forums.tactical.id}/meetings`, { title: 'Budgetdialog', startsAt: '2031-06-10T09:00', endsAt: '2031-06-10T11:00' });
		expect(created.status).toBe(201);
		meetingId = created.body.meeting.id;
		await upload('avtal@norrby.example', await multiPagePdf(['Budget 2027', 'Investeringar', 'Risker']), { fileName: 'Budget 2027.pdf' });
		await upload('admin@itmastaren.example', await multiPagePdf(['Marginaler']), { fileName: 'Kalkyl.pdf', internal: 'true' });
		// the tactical forum: Johan Berg (bam@) presents; Oskar Falk (it@norrby) is a member
		[presenter, member] = await Promise.all([signIn('bam@itmastaren.example'), signIn('it@norrby.example')]);
	});

	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await browser?.close();
		await server?.stop();
	});

	it('offers the presenter the PDFs the whole room may see, and the member nothing to pick', async () => {
		await Promise.all([presenter.goto(`/meetings/${meetingId}/room`), member.goto(`/meetings/${meetingId}/room`)]);
		for (const page of [presenter, member]) await expect.poll(() => page.getByTestId('room-connection').getAttribute('data-connected'), { timeout: 15_000 }).toBe('true');
		const picker = presenter.getByTestId('material-picker');
		const options = await picker.getByLabel('Välj en PDF ur mötets underlag').locator('option').allInnerTexts();
		expect(options).toEqual(['Välj en PDF ur mötets underlag', 'Budget 2027.pdf (v1)']);
		expect(await member.getByTestId('material-picker').count()).toBe(0);
	});

	it('the presenter shows the PDF: the member sees its first page drawn, with its words', async () => {
		await presenter.getByLabel('Välj en PDF ur mötets underlag').selectOption({ label: 'Budget 2027.pdf (v1)' });
		await presenter.getByRole('button', { name: 'Visa underlag' }).click();
		for (const page of [presenter, member]) await expect.poll(() => shownPage(page), { timeout: 15_000 }).toBe('1');
		expect(await member.getByTestId('follow-status').innerText()).toContain('Följer Johan Berg');
		expect(await member.locator('#slide-title').innerText()).toBe('Budget 2027.pdf');
		expect(await member.getByTestId('slide-position').innerText()).toBe('Sida 1 av 3');
		const ink = await inkOf(member);
		expect(ink.dark).toBeGreaterThan(50);
		expect(ink.blue).toBeGreaterThan(50);
		await expect.poll(() => member.getByRole('region', { name: 'Text på sidan' }).innerText()).toContain('Budget 2027');
	});

	it('the presenter turns the pages with the keys; the member follows, and the last page stays the last', async () => {
		await presenter.keyboard.press('ArrowRight');
		await expect.poll(() => shownPage(member), { timeout: 5_000 }).toBe('2');
		await expect.poll(() => member.getByRole('region', { name: 'Text på sidan' }).innerText()).toContain('Investeringar');
		await presenter.keyboard.press('End');
		await expect.poll(() => shownPage(member), { timeout: 5_000 }).toBe('3');
		await presenter.keyboard.press('ArrowRight');
		await presenter.waitForTimeout(300);
		expect(await shownPage(member)).toBe('3');
		expect(await presenter.getByTestId('slide-position').innerText()).toBe('Sida 3 av 3');
		await presenter.screenshot({ path: 'test-results/room-material-presenter.png' }).catch(() => {});
	});

	it('the member leafs back alone and follows again', async () => {
		await member.keyboard.press('ArrowLeft');
		await expect.poll(() => shownPage(member)).toBe('2');
		await expect.poll(() => member.getByTestId('follow-again').isVisible()).toBe(true);
		await presenter.keyboard.press('Home');
		await expect.poll(() => shownPage(presenter)).toBe('1');
		await member.waitForTimeout(300);
		expect(await shownPage(member)).toBe('2');
		await member.getByTestId('follow-again').click();
		await expect.poll(() => shownPage(member), { timeout: 5_000 }).toBe('1');
		await member.screenshot({ path: 'test-results/room-material-member.png' }).catch(() => {});
	});

	it('back to the slides: the member is back on the slides too', async () => {
		await presenter.getByTestId('back-to-slides').click();
		await expect.poll(() => member.getByTestId('slide-stage').getAttribute('data-slide-key'), { timeout: 5_000 }).not.toBe('material');
		expect(await member.getByTestId('material-page').count()).toBe(0);
		expect(await member.getByTestId('slide-position').innerText()).toMatch(/^Bild \d av 8$/);
	});
});
