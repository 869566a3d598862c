/**
 * The agreement in the tactical forum (issue 22, "Done means"): the BAM
 * presents the invoicing slide in the room and the customer's contract owner
 * follows it, sees the demo's deliberate deviation; a decision on the price
 * question is recorded in the minutes and the BAM amends the agreement,
 * linking the amendment to it; the meeting page shows the decision with the
 * amendment it caused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { browserAvailable, gotoStarted, launchBrowser, signIn as signInAs } from '../helpers/browser';
import { demoIds, NORRBY } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

const DECISION = 'Norrby krediteras för 22 arbetsplatser och avtalet höjs till 372 arbetsplatser.';
const NEXT_MONTH = DateTime.now().setZone('Europe/Stockholm').startOf('month').plus({ months: 1 }).toFormat('yyyy-MM');
/** how the pages show that month (formatMonth: "jan. 2027") */
const NEXT_MONTH_SHOWN = new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', month: 'short', year: 'numeric' }).format(new Date(`${NEXT_MONTH}-15T12:00:00Z`));

describe.skipIf(!browserAvailable)('the invoicing slide in the tactical forum', () => {
	let server: TestServer;
	let browser: Browser;
	const contexts: BrowserContext[] = [];
	let bam: Page;
	let owner: Page;
	let meetingId: string;
	let customerId: string;

	const signIn = (email: string) => signInAs(browser, server.url, email, contexts, { viewport: { width: 1280, height: 900 } });
	const slideKey = (page: Page) => page.getByTestId('slide-stage').getAttribute('data-slide-key');

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		const norrby = (await demoIds(server.url)).customers[NORRBY];
		customerId = norrby.id;
		// the next tactical forum: Johan Berg (BAM) presents, Eva Norberg (Avtalsansvarig) chairs
		meetingId = norrby.meetings[norrby.forums.tactical.id].at(-1)!;
		[bam, owner] = await Promise.all([signIn('bam@itmastaren.example'), signIn('avtal@norrby.example')]);
	});

	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await browser?.close();
		await server?.stop();
	});

	it('the BAM presents the invoicing slide and the contract owner follows it', async () => {
		await Promise.all([bam.goto(`/meetings/${meetingId}/room`), owner.goto(`/meetings/${meetingId}/room`)]);
		for (const page of [bam, owner]) await expect.poll(() => page.getByTestId('room-connection').getAttribute('data-connected'), { timeout: 15_000 }).toBe('true');
		await bam.getByTestId('present-start').click();
		await expect.poll(() => owner.getByTestId('follow-status').innerText()).toContain('Följer Johan Berg');
		await bam.keyboard.press('End');
		for (const page of [bam, owner]) await expect.poll(() => slideKey(page), { timeout: 5_000 }).toBe('invoicing');
		expect(await owner.locator('#slide-title').innerText()).toBe('Fakturering och avtal');
		// the deliberate deviation of the demo: 22 workplaces too many two months ago, 22 × 425,00 kr
		const deviations = await owner.getByTestId('invoicing-deviations').innerText();
		expect(deviations).toContain('Arbetsplats');
		expect(deviations).toContain('volym');
		expect(deviations).toContain('9\u00a0350,00\u00a0kr');
		expect(await owner.getByTestId('invoicing-totals').innerText()).toContain('Moms 25 %');
	});

	it('a decision on the price question is recorded and the amendment it causes links to it', async () => {
		await gotoStarted(bam, `/meetings/${meetingId}`);
		const editor = bam.getByTestId('minutes-editor');
		await expect.poll(() => editor.getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
		await editor.locator('p').first().click();
		await bam.keyboard.type(DECISION, { delay: 5 });
		await bam.getByRole('button', { name: 'Beslut (infoga beslutsblock)' }).click();
		await expect.poll(() => bam.getByTestId('minutes-decision').allInnerTexts()).toContain(DECISION);
		await expect.poll(() => bam.getByTestId('minutes-sync').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');

		// the decision reaches the register (the minutes' projection); then the BAM amends the agreement from it
		const form = bam.getByTestId('amend-form');
		await expect
			.poll(
				async () => {
					await gotoStarted(bam, `/customers/${customerId}/portal/agreement`);
					return form.locator('select[name="decisionId"] option', { hasText: DECISION.slice(0, 40) }).count();
				},
				{ timeout: 20_000, interval: 1_000 }
			)
			.toBe(1);
		await form.locator('select[name="kind"]').selectOption('volume_change');
		await form.locator('select[name="serviceId"]').selectOption({ label: 'Arbetsplats' });
		await form.locator('input[name="volume"]').fill('372');
		await form.locator('input[name="effectiveFrom"]').fill(NEXT_MONTH);
		await form.locator('textarea[name="reason"]').fill('Beslut i taktiskt forum: volymen följer faktiskt antal arbetsplatser');
		await form.locator('select[name="decisionId"]').selectOption({ label: (await form.locator('select[name="decisionId"] option', { hasText: DECISION.slice(0, 40) }).innerText()).trim() });
		await form.getByRole('button', { name: 'Spara ändringen' }).click();
		const amendment = bam.getByTestId('agreement-amendments').locator('li', { hasText: 'Volymförändring' });
		await expect.poll(() => amendment.count(), { timeout: 10_000 }).toBe(1);
		expect(await amendment.getAttribute('data-decision')).not.toBe('');
		expect(await amendment.innerText()).toContain(NEXT_MONTH_SHOWN);
		expect(await bam.getByTestId('agreement-service').filter({ hasText: 'Arbetsplats' }).innerText()).toContain(`${NEXT_MONTH_SHOWN}: 372`);

		// the contract owner sees on the meeting page the decision and the amendment it caused
		await gotoStarted(owner, `/meetings/${meetingId}`);
		const linked = owner.getByTestId('meeting-amendments');
		await linked.waitFor({ timeout: 10_000 });
		const text = await linked.innerText();
		expect(text).toContain(DECISION);
		expect(text).toContain(`Volymförändring · Gäller från ${NEXT_MONTH_SHOWN}`);
	});

	it("the contract owner proposes a change; the BAM accepts it with the meeting's decision, and the amendment links it", async () => {
		await gotoStarted(owner, `/customers/${customerId}/portal/agreement`);
		const propose = owner.getByTestId('propose-form');
		await propose.locator('select[name="serviceId"]').selectOption({ label: 'Server' });
		await propose.locator('input[name="volume"]').fill('26');
		await propose.locator('input[name="effectiveFrom"]').fill(NEXT_MONTH);
		await propose.locator('textarea[name="reason"]').fill('Två servrar till enligt beslut i taktiskt forum');
		await propose.getByRole('button', { name: 'Skicka förslaget' }).click();

		await expect.poll(async () => {
			await gotoStarted(bam, `/customers/${customerId}/portal/agreement`);
			return bam.locator('li[data-proposal]', { hasText: 'Två servrar till' }).count();
		}, { timeout: 10_000, interval: 500 }).toBe(1);
		const proposal = bam.locator('li[data-proposal]', { hasText: 'Två servrar till' });
		const decision = proposal.locator('select[name="decisionId"]');
		await decision.selectOption({ label: (await decision.locator('option', { hasText: DECISION.slice(0, 40) }).innerText()).trim() });
		await proposal.getByRole('button', { name: 'Godta' }).click();

		const amendment = bam.getByTestId('agreement-amendments').locator('li', { hasText: 'Två servrar till' });
		await expect.poll(() => amendment.count(), { timeout: 10_000 }).toBe(1);
		// the same decision as the amendment of the test before, made from the amend form
		const earlier = bam.getByTestId('agreement-amendments').locator('li', { hasText: 'volymen följer faktiskt antal arbetsplatser' });
		const decisionId = await earlier.getAttribute('data-decision');
		expect(decisionId).toBeTruthy();
		expect(await amendment.getAttribute('data-decision'), 'the decision picked when accepting').toBe(decisionId);
	});
});
