/**
 * The journey of issue 16 in Chromium, against a real SMTP server: the
 * convener puts out decision material and publishes the agenda; the customer's
 * participant, on another page, sees her bell count rise live, opens the
 * kallelse in the outbox page as it was sent, and downloads the material;
 * after justering the approved-minutes mail she receives carries the PDF.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../helpers/api-client';
import { browserAvailable, launchBrowser, signIn } from '../helpers/browser';
import { startServer, type TestServer } from '../helpers/server';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';

const CONVENER = 'bam@itmastaren.example';
const PARTICIPANT = 'avtal@norrby.example';
const TITLE = 'Driftmöte med underlag';
const enc = (s: string) => new TextEncoder().encode(s);
const MATERIAL = { name: 'Förslag till beslut.pdf', bytes: enc('%PDF-1.4\n% förslag\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n') };
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const SHOTS = process.env.SCREENSHOT_DIR;

describe.skipIf(!browserAvailable)('kallelse, material and minutes reach the participant', () => {
	let sink: SmtpSink;
	let server: TestServer;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	let convener: Page;
	let participant: Page;
	let meetingId: string;
	let customerId: string;

	beforeAll(async () => {
		sink = await startSmtpSink();
		[server, browser] = await Promise.all([startServer({ demo: true, env: { SMTP_URL: sink.url, NOTIFY_POLL_MS: '200' } }), launchBrowser()]);
		const admin = await new ApiClient(server.url).login('admin@itmastaren.example');
		const customers = (await admin.json('GET', '/api/v1/customers')).body.customers as { id: string; name: string }[];
		customerId = customers.find((c) => c.name.startsWith('Norrby'))!.id;
		const forums = (await admin.json('GET', `/api/v1/customers/${customerId}/forums`)).body.forums as { id: string; templateKey: string }[];
		const forum = forums.find((f) => f.templateKey === 'operational')!;
		const res = await admin.json('POST', `/api/v1/forums/${forum.id}/meetings`, { title: TITLE, startsAt: '2031-04-08T09:00', endsAt: '2031-04-08T10:00' });
		meetingId = res.body.meeting.id;
		// what the demo left in her bell is read, so the count starts at 0
		await (await new ApiClient(server.url).login(PARTICIPANT)).json('POST', '/api/v1/me/notifications/read', { all: true });
		[convener, participant] = await Promise.all([signIn(browser, server.url, CONVENER, contexts), signIn(browser, server.url, PARTICIPANT, contexts, { acceptDownloads: true })]);
	});

	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await browser?.close();
		await server?.stop();
		await sink?.close();
	});

	it('the convener puts out material and publishes; her bell rises live without a reload', async () => {
		await participant.goto('/');
		expect(await participant.getByTestId('bell-count').count()).toBe(0);

		await convener.goto(`/meetings/${meetingId}`);
		// the page has come alive (hydrated) once the minutes editor has loaded: a file chosen before would go nowhere
		await expect.poll(() => convener.getByTestId('minutes-editor').getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
		const section = convener.getByTestId('material');
		await section.getByLabel('Välj filer').setInputFiles({ name: MATERIAL.name, mimeType: 'application/pdf', buffer: Buffer.from(MATERIAL.bytes) });
		await section.locator('[data-testid="material-upload"][data-state="done"]').first().waitFor({ timeout: 15_000 });
		await convener.getByTestId('publish-agenda').click();

		await expect.poll(async () => Number((await participant.getByTestId('bell-count').count()) ? await participant.getByTestId('bell-count').innerText() : 0), { timeout: 15_000 }).toBe(2);
		await participant.getByTestId('bell').click();
		const panel = participant.getByTestId('bell-panel');
		await panel.getByRole('link', { name: `Oläst: Kallelse: ${TITLE}` }).waitFor();
		await panel.getByRole('link', { name: `Oläst: Underlag till ${TITLE}` }).waitFor();
	});

	it('she reads the kallelse in the outbox page exactly as it was sent to her', async () => {
		await sink.waitFor(() => sink.mailsTo(PARTICIPANT).some((m) => m.parsed.subject === `Kallelse: ${TITLE}`), 'her kallelse');
		await participant.goto(`/customers/${customerId}/outbox`);
		const row = participant.getByTestId('outbox-row').filter({ hasText: PARTICIPANT }).filter({ hasText: `Kallelse: ${TITLE}` });
		await row.waitFor();
		expect(await row.getAttribute('data-status')).toBe('sent');
		await row.getByRole('link', { name: `Kallelse: ${TITLE}` }).click();
		await participant.waitForURL(/\/outbox\/[0-9a-f-]+$/);
		expect(await participant.getByRole('heading', { level: 1 }).innerText()).toBe(`Kallelse: ${TITLE}`);
		expect(await participant.getByTestId('outbox-mail-html').getByRole('heading', { level: 2, name: `Kallelse: ${TITLE}` }).count()).toBe(1);
		const html = await participant.getByTestId('outbox-mail-html').innerText();
		expect(html).toContain('Du är kallad till');
		const sent = sink.mailsTo(PARTICIPANT).find((m) => m.parsed.subject === `Kallelse: ${TITLE}`)!;
		expect(await participant.getByTestId('outbox-mail-text').textContent()).toBe(sent.parsed.text?.replace(/\n$/, ''));
		expect(await participant.getByTestId('outbox-mail-calendar').textContent()).toContain('METHOD:REQUEST');
		if (SHOTS) {
			await participant.screenshot({ path: `${SHOTS}/outbox-mail.png`, fullPage: true });
			await participant.goto(`/customers/${customerId}/outbox`);
			await participant.screenshot({ path: `${SHOTS}/outbox-list.png`, fullPage: true });
			await participant.setViewportSize({ width: 390, height: 800 });
			await participant.screenshot({ path: `${SHOTS}/outbox-list-390.png`, fullPage: true });
			await participant.setViewportSize({ width: 1280, height: 900 });
		}
	});

	it('she downloads the material from the meeting page, byte for byte', async () => {
		await participant.goto(`/meetings/${meetingId}`);
		const link = participant.getByTestId('material').getByRole('link', { name: MATERIAL.name });
		const [download] = await Promise.all([participant.waitForEvent('download'), link.click()]);
		expect(sha(await readFile((await download.path())!))).toBe(sha(MATERIAL.bytes));
	});

	it('after justering, the approved-minutes mail she receives carries the PDF', async () => {
		const chair = await new ApiClient(server.url).login(CONVENER);
		const adjuster = await new ApiClient(server.url).login(PARTICIPANT);
		const me = (await adjuster.json('GET', '/api/v1/me')).body.person.personId as string;
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/start`, { confirmEarly: true })).status).toBe(200);
		expect((await chair.json('PUT', `/api/v1/meetings/${meetingId}/adjuster`, { personId: me })).status).toBe(200);
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/end`, {})).status).toBe(200);
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/approve`, {})).status).toBe(200);
		// she approves on the page, as the adjuster
		await participant.goto(`/meetings/${meetingId}`);
		// "Justera protokollet?" is asked with the browser's confirm
		participant.once('dialog', (d) => void d.accept());
		await participant.getByTestId('approve-minutes').click();
		await sink.waitFor(() => sink.mailsTo(PARTICIPANT).some((m) => m.parsed.subject === `Justerat protokoll: ${TITLE}`), 'the approved minutes', 30_000);
		const mail = sink.mailsTo(PARTICIPANT).find((m) => m.parsed.subject === `Justerat protokoll: ${TITLE}`)!;
		const pdf = mail.parsed.attachments.find((a) => a.contentType === 'application/pdf')!;
		expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
	});
});
