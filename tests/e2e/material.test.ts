/**
 * Decision material in the browser (issue 16): the convener drops two files
 * on the meeting page and chooses a third with the file input, sees each
 * one's progress and all of them in the list; the customer's participant
 * opens the same meeting and downloads one, and the downloaded bytes are
 * exactly what was uploaded (SHA-256).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { browserAvailable, launchBrowser, signIn as signInAs } from '../helpers/browser';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

const CONVENER = 'bam@itmastaren.example';
const PARTICIPANT = 'it@norrby.example';
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n${'x'.repeat(200_000)}\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n`);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const FILES = [
	{ name: 'Budgetförslag 2027.pdf', bytes: pdf('budget') },
	{ name: 'Leverantörsstrategi.pdf', bytes: pdf('strategi') }
];
const CHOSEN = { name: 'Avtalsbilaga 3.pdf', bytes: pdf('bilaga') };

describe.skipIf(!browserAvailable)('decision material on the meeting page', () => {
	let server: TestServer;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	let convener: Page;
	let participant: Page;
	let meetingPath: string;

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		const ids = await demoIds(server.url);
		const norrby = ids.customers[NORRBY];
		const admin = await new ApiClient(server.url).login('admin@itmastaren.example');
		const res = await admin.json('POST', `/api/v1/forums/${norrby.forums.tactical.id}/meetings`, { title: 'Taktiskt forum maj', startsAt: '2031-05-20T09:00', endsAt: '2031-05-20T11:00' });
		meetingPath = `/meetings/${res.body.meeting.id}`;
		[convener, participant] = await Promise.all([signInAs(browser, server.url, CONVENER, contexts), signInAs(browser, server.url, PARTICIPANT, contexts, { acceptDownloads: true })]);
	});

	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await browser?.close();
		await server?.stop();
	});

	it('the convener drops two files and chooses a third; each shows its progress and all are listed', async () => {
		await convener.goto(meetingPath);
		// the page has come alive (hydrated) once the minutes editor has loaded: files dropped before would go nowhere
		await expect.poll(() => convener.getByTestId('minutes-editor').getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
		const section = convener.getByTestId('material');
		await expect(section.getByTestId('material-none').isVisible()).resolves.toBe(true);
		// the lifecycle panel: no material yet, and the tactical forum's rule
		expect(await convener.getByTestId('material-timing').innerText()).toContain('Inget underlag ännu');

		const drop = await convener.evaluateHandle((files) => {
			const dt = new DataTransfer();
			for (const f of files) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: 'application/pdf' }));
			return dt;
		}, FILES.map((f) => ({ name: f.name, bytes: [...f.bytes] })));
		await section.getByTestId('material-drop').dispatchEvent('drop', { dataTransfer: drop });
		await section.locator('[data-testid="material-upload"][data-state="done"]').nth(1).waitFor({ timeout: 15_000 });

		// the real file input, reached by its label
		await section.getByLabel('Välj filer').setInputFiles({ name: CHOSEN.name, mimeType: 'application/pdf', buffer: CHOSEN.bytes });
		await section.locator('[data-testid="material-upload"][data-state="done"]').nth(2).waitFor({ timeout: 15_000 });

		const rows = section.getByTestId('material-upload');
		expect(await rows.count()).toBe(3);
		for (let i = 0; i < 3; i++) expect(await rows.nth(i).innerText()).toContain('100 %');
		const listed = section.getByTestId('material-item');
		await expect.poll(() => listed.count(), { timeout: 10_000 }).toBe(3);
		expect((await listed.allInnerTexts()).join('\n')).toMatch(/Budgetförslag 2027\.pdf[\s\S]*version 1/);
		expect(await convener.getByTestId('material-timing').innerText()).toContain('Underlaget kom ut i tid');
		if (process.env.MATERIAL_SCREENSHOT) await section.screenshot({ path: process.env.MATERIAL_SCREENSHOT });
	}, 60_000);

	it('a file of the wrong kind is refused with the reason, in Swedish', async () => {
		const section = convener.getByTestId('material');
		await section.getByLabel('Välj filer').setInputFiles({ name: 'program.pdf', mimeType: 'application/pdf', buffer: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(120).fill(0)]) });
		const failed = section.locator('[data-testid="material-upload"][data-state="failed"]');
		await failed.waitFor({ timeout: 15_000 });
		expect(await failed.innerText()).toContain('Program (körbara filer) kan inte laddas upp.');
		expect(await section.getByTestId('material-item').count()).toBe(3);
	});

	it("the customer's participant downloads one, byte for byte", async () => {
		await participant.goto(meetingPath);
		const section = participant.getByTestId('material');
		// a participant without a duty reads, and does not get the upload area
		expect(await section.getByLabel('Välj filer').count()).toBe(0);
		const link = section.getByRole('link', { name: FILES[1].name });
		const [download] = await Promise.all([participant.waitForEvent('download'), link.click()]);
		expect(download.suggestedFilename()).toBe(FILES[1].name);
		const bytes = await readFile((await download.path())!);
		expect(sha(bytes)).toBe(sha(FILES[1].bytes));
	}, 30_000);
});
