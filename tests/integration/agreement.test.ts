/**
 * The agreement and its invoicing (issue 22), on SQLite and PostgreSQL: a
 * year of invoices imported from the billing system's CSV with totals worked
 * out by hand below, a deviation found, an amendment that changes the next
 * month and not the past, money that never loses an öre, bad rows rejected
 * with their line and nothing stored, the contract owner's proposal accepted
 * by the supplier, and the report grants and tenancy of every other report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { PDFParse } from 'pdf-parse';
import { ApiClient } from '../helpers/api-client';
import { expectContract } from '../helpers/contract';
import { demoIds, NORRBY, VATTENSYD } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let admin: ApiClient;
let bam: ApiClient;
/** supplier staff who is not the customer's BAM */
let incidentManager: ApiClient;
let norrbyOwner: ApiClient;
let norrbyMember: ApiClient;
let vattenAdmin: ApiClient;
let norrby: string;
let norrbyMemberId: string;
/** a customer made for this file, so its agreement can start in the past */
let test: string;

const NOWHERE = '00000000-0000-4000-8000-00000000beef';
const month = (n: number) => DateTime.now().setZone('Europe/Stockholm').startOf('month').plus({ months: n }).toFormat('yyyy-MM');
const THIS_MONTH = month(0);
const NEXT_MONTH = month(1);

const agreementOf = (c: string) => `/api/v1/customers/${c}/agreement`;
const reportOf = (c: string, from: string, to = from) => `/api/v1/customers/${c}/reports/agreement?from=${from}&to=${to}`;

async function csv(client: ApiClient, customerId: string, body: string, query = '') {
	const res = await client.request('POST', `/api/v1/customers/${customerId}/invoices/import${query}`, body, { 'content-type': 'text/csv' });
	return { status: res.status, body: await res.json() };
}

/**
 * The agreement of the test customer from January 2025:
 * Arbetsplats 120 users × 450,00 kr = 54 000,00 kr a month
 * Server 14 servers × 1 250,50 kr = 17 507,00 kr a month
 * Servicedesk 1 × 38 900,00 kr = 38 900,00 kr a month
 * together 110 407,00 kr a month, 1 324 884,00 kr a year.
 */
const AGREED_MONTH_ORE = 120 * 45_000 + 14 * 125_050 + 3_890_000;

/** A year of invoices, one invoice a month; October bills 131 workplaces instead of 120 (+11 × 450,00 kr = 4 950,00 kr). */
function yearCsv(): string {
	const rows = ['Kund;Period;Tjänst;Antal;À-pris;Belopp;Fakturanummer'];
	for (let m = 1; m <= 12; m++) {
		const period = `2025-${String(m).padStart(2, '0')}`;
		const users = m === 10 ? 131 : 120;
		const invoice = `F2025-${100 + m}`;
		rows.push(`Testbolaget AB;${period};Arbetsplats;${users};450,00;${(users * 450).toLocaleString('sv-SE')},00 kr;${invoice}`);
		rows.push(`Testbolaget AB;${period};Server;14;1 250,50;17 507,00;${invoice}`);
		rows.push(`Testbolaget AB;${period};Servicedesk;1;38 900,00;38 900,00;${invoice}`);
	}
	return rows.join('\r\n') + '\r\n';
}

beforeAll(async () => {
	server = await startServer({ demo: true });
	const ids = await demoIds(server.url);
	norrby = ids.customers[NORRBY].id;
	norrbyMemberId = ids.customers[NORRBY].person('tjanst@norrby.example').id;
	[admin, bam, incidentManager, norrbyOwner, norrbyMember, vattenAdmin] = await Promise.all([
		new ApiClient(server.url).login('admin@itmastaren.example'),
		new ApiClient(server.url).login('bam@itmastaren.example'),
		new ApiClient(server.url).login('im@itmastaren.example'),
		new ApiClient(server.url).login('avtal@norrby.example'),
		new ApiClient(server.url).login('tjanst@norrby.example'),
		new ApiClient(server.url).login('avtal@vattensyd.example')
	]);
	expect(ids.customers[VATTENSYD]).toBeDefined();
	const made = await admin.json('POST', '/api/v1/customers', { name: 'Testbolaget AB', orgNumber: '556677-8899' });
	expect(made.status).toBe(201);
	test = made.body.customer.id;
	const initial = await admin.json('POST', `${agreementOf(test)}/amendments`, {
		kind: 'initial',
		effectiveFrom: '2025-01',
		reason: 'Leveransavtal 2025–2027',
		changes: [
			{ service: { name: 'Arbetsplats', serviceArea: 'Arbetsplats', unit: 'per_user' }, volume: 120, unitPriceOre: 45_000, slaTargets: ['P1 lösning inom 4 h'] },
			{ service: { name: 'Server', serviceArea: 'Drift', unit: 'per_server' }, volume: 14, unitPriceOre: 125_050 },
			{ service: { name: 'Servicedesk', serviceArea: 'Servicedesk', unit: 'per_month' }, volume: 1, unitPriceOre: 3_890_000 },
			{ service: { name: 'Licens', serviceArea: 'Licenser', unit: 'per_item' }, volume: 999, unitPriceOre: 1 }
		]
	});
	expect(initial.status, JSON.stringify(initial.body)).toBe(201);
	expectContract('amendAgreement', initial.body);
	expect(initial.body.agreement.monthly.netOre).toBe(AGREED_MONTH_ORE + 999);
}, 180_000);
afterAll(async () => {
	await server?.stop();
});

describe('invoice import', () => {
	it('imports a year of invoices from CSV in one go, with the totals worked out by hand', async () => {
		const res = await csv(admin, test, yearCsv(), '?fileName=fakturor-2025.csv');
		expect(res.status).toBe(200);
		expectContract('importInvoiceCsv', res.body);
		expect(res.body.report).toMatchObject({ status: 'imported', rowsRead: 36, lines: 36, created: 36, updated: 0, rejected: 0, rejectedRows: [] });
		// 12 × 110 407,00 kr + 4 950,00 kr = 1 329 834,00 kr
		expect(res.body.report.amountOre).toBe(132_983_400);

		const year = await admin.json('GET', reportOf(test, '2025-01', '2025-12'));
		expect(year.status).toBe(200);
		expectContract('getPortalAgreementReport', year.body);
		const r = year.body.report;
		expect(r.months).toHaveLength(12);
		expect(r.totals).toEqual({
			agreedOre: 12 * AGREED_MONTH_ORE + 12 * 999, // the licences are agreed but not invoiced this year
			invoicedOre: 132_983_400,
			differenceOre: 132_983_400 - 12 * AGREED_MONTH_ORE - 12 * 999,
			vatOre: 33_245_850, // 25 % of 1 329 834,00 kr = 332 458,50 kr
			invoicedWithVatOre: 166_229_250
		});
		const workplaces = r.services.find((s: { serviceName: string }) => s.serviceName === 'Arbetsplats');
		expect(workplaces).toMatchObject({ agreedVolume: 1440, invoicedQuantity: 1451, agreedOre: 64_800_000, invoicedOre: 65_295_000, amountDifferenceOre: 495_000, deviations: 1 });
		expect(r.trend.map((p: { month: string }) => p.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
		expect(r.trend[9]).toEqual({ month: '2025-10', agreedOre: AGREED_MONTH_ORE + 999, invoicedOre: AGREED_MONTH_ORE + 495_000, deviations: 2 });
	});

	it('importing the same file again changes nothing', async () => {
		const again = await csv(admin, test, yearCsv());
		expect(again.body.report).toMatchObject({ status: 'imported', created: 0, updated: 0, unchanged: 36 });
		const year = await admin.json('GET', reportOf(test, '2025-01', '2025-12'));
		expect(year.body.report.totals.invoicedOre).toBe(132_983_400);
	});

	it('finds the deviation beyond the tolerance: October billed 11 workplaces more than agreed', async () => {
		const oct = (await admin.json('GET', reportOf(test, '2025-10'))).body.report;
		const names = oct.deviations.map((d: { serviceName: string }) => d.serviceName);
		expect(names).toEqual(['Arbetsplats', 'Licens']);
		expect(oct.deviations[0]).toMatchObject({ period: '2025-10', agreedVolume: 120, invoicedQuantity: 131, volumeDifference: 11, amountDifferenceOre: 495_000, reasons: ['volume', 'amount'], invoiceNumbers: ['F2025-110'] });
		expect(oct.deviations[1].reasons).toEqual(['not_invoiced']);
		// 9,2 % is within a tolerance of 10 %: then only the missing licences remain
		expect((await admin.json('PUT', `${agreementOf(test)}/tolerance`, { tolerancePercent: 10 })).status).toBe(200);
		const wider = (await admin.json('GET', reportOf(test, '2025-10'))).body.report;
		expect(wider.toleranceBp).toBe(1000);
		expect(wider.deviations.map((d: { serviceName: string }) => d.serviceName)).toEqual(['Licens']);
		expect((await admin.json('PUT', `${agreementOf(test)}/tolerance`, { tolerancePercent: 5 })).status).toBe(200);
	});

	it('rejects bad rows with their line and stores nothing', async () => {
		const body = [
			'Kund;Period;Tjänst;Antal;À-pris;Belopp;Fakturanummer',
			'Testbolaget AB;2026-01;Arbetsplats;120;450,00;54 000,00;F2026-1',
			'Testbolaget AB;2026-01;Skrivare;3;100,00;300,00;F2026-1',
			'Norrby kommun;2026-01;Server;14;1 250,50;17 507,00;F2026-1',
			'Testbolaget AB;2026-01;Servicedesk;1;38 900,00;38 000,00;F2026-1',
			'Testbolaget AB;januari;Server;14;1 250,50;17 507,00;F2026-1',
			'Testbolaget AB;2026-01;Arbetsplats;120;450,00;54 000,00;F2026-1',
			'Testbolaget AB;2026-01;Server;tolv;1 250,50;17 507,00;F2026-1'
		].join('\n');
		const res = await csv(admin, test, body);
		expect(res.status).toBe(200);
		expect(res.body.report).toMatchObject({ status: 'rejected', importId: null, rowsRead: 7, rejected: 6, created: 0 });
		expect(res.body.report.rejectedRows.map((r: { row: number }) => r.row)).toEqual([3, 4, 5, 6, 7, 8]);
		const reasons = Object.fromEntries(res.body.report.rejectedRows.map((r: { row: number; reasons: string[] }) => [r.row, r.reasons.join(' ')]));
		expect(reasons[3]).toContain('not a service of the agreement');
		expect(reasons[4]).toContain('not this customer');
		expect(reasons[5]).toContain('not quantity × unit price');
		expect(reasons[6]).toContain('not a month');
		expect(reasons[7]).toContain('the same invoice, period and service as row 2');
		expect(reasons[8]).toContain('quantity');
		// the good row was not stored either
		const jan = (await admin.json('GET', reportOf(test, '2026-01'))).body.report;
		expect(jan.totals.invoicedOre).toBe(0);
		// a file without the columns says which are missing
		const wrong = await csv(admin, test, 'Kund;Summa\nTestbolaget AB;1\n');
		expect(wrong.body.report.status).toBe('rejected');
		expect(wrong.body.report.errors.join(' ')).toContain('No column for period');
	});

	it('never loses an öre: 999 lines of 0,01 kr by JSON sum to 9,99 kr and VAT is rounded once on the sum', async () => {
		const lines = Array.from({ length: 999 }, (_, i) => ({ period: '2025-06', invoiceNumber: `L-${i + 1}`, service: 'licens', quantity: 1, unitPriceOre: 1, amountOre: 1 }));
		const res = await admin.json('POST', `/api/v1/customers/${test}/invoices`, { lines });
		expect(res.status).toBe(200);
		expectContract('ingestInvoiceLines', res.body);
		expect(res.body.report).toMatchObject({ status: 'imported', created: 999, amountOre: 999 });
		const june = (await admin.json('GET', reportOf(test, '2025-06'))).body.report;
		expect(june.totals.invoicedOre).toBe(AGREED_MONTH_ORE + 999);
		// 25 % of 110 416,99 kr = 27 604,2475 kr → 27 604,25 kr (per line, 999 × 0,0025 kr would round to nothing)
		expect(june.totals.vatOre).toBe(2_760_425);
		expect(june.totals.invoicedWithVatOre).toBe(AGREED_MONTH_ORE + 999 + 2_760_425);
		expect(june.deviations).toEqual([]);
		// a bad item names its position; nothing is stored
		const bad = await admin.json('POST', `/api/v1/customers/${test}/invoices`, {
			lines: [{ period: '2025-07', invoiceNumber: 'X-1', service: 'Licens', quantity: 1, unitPriceOre: 1, amountOre: 1 }, { period: '2025-07', invoiceNumber: 'X-2', service: 'Licens', quantity: 1, unitPriceOre: 0.5, amountOre: 1 }]
		});
		expect(bad.body.report).toMatchObject({ status: 'rejected', rejected: 1 });
		expect(bad.body.report.rejectedRows[0].row).toBe(2);
		expect((await admin.json('GET', reportOf(test, '2025-07'))).body.report.totals.invoicedOre).toBe(AGREED_MONTH_ORE);
	});

	it('takes invoice lines from a token with invoices:write only', async () => {
		const token = async (scope: string) => (await admin.json('POST', `/api/v1/customers/${test}/api-tokens`, { name: scope, scopes: [scope] })).body.secret as string;
		const send = (secret: string, customerId: string) =>
			fetch(`${server.url}/api/v1/customers/${customerId}/invoices`, {
				method: 'POST',
				headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
				body: JSON.stringify({ lines: [{ period: '2025-12', invoiceNumber: 'F2025-112', service: 'Server', quantity: 14, unitPriceOre: 125_050, amountOre: 1_750_700 }] })
			});
		const writer = await token('invoices:write');
		const res = await send(writer, test);
		expect(res.status).toBe(200);
		expect((await res.json()).report).toMatchObject({ status: 'imported', unchanged: 1 });
		expect((await send(writer, norrby)).status).toBe(404);
		expect((await send(await token('tickets:write'), test)).status).toBe(403);
	});
});

describe('amendments', () => {
	it('change the next month and never the past', async () => {
		const workplaces = (await admin.json('GET', agreementOf(test))).body.agreement.services.find((s: { name: string }) => s.name === 'Arbetsplats');
		const res = await admin.json('POST', `${agreementOf(test)}/amendments`, {
			kind: 'volume_change',
			effectiveFrom: NEXT_MONTH,
			reason: 'Avrop: 20 nya arbetsplatser',
			changes: [{ serviceId: workplaces.id, volume: 140 }]
		});
		expect(res.status).toBe(201);
		const next = (await admin.json('GET', reportOf(test, NEXT_MONTH))).body.report;
		expect(next.rows.find((r: { serviceName: string }) => r.serviceName === 'Arbetsplats')).toMatchObject({ agreedVolume: 140, agreedOre: 140 * 45_000 });
		const now = (await admin.json('GET', reportOf(test, THIS_MONTH))).body.report;
		expect(now.rows.find((r: { serviceName: string }) => r.serviceName === 'Arbetsplats')).toMatchObject({ agreedVolume: 120 });
		const year = (await admin.json('GET', reportOf(test, '2025-01', '2025-12'))).body.report;
		expect(year.services.find((s: { serviceName: string }) => s.serviceName === 'Arbetsplats').agreedVolume).toBe(1440);
		// the agreement shows what applies now and the term to come, with who and why
		const agreement = (await admin.json('GET', agreementOf(test))).body.agreement;
		const w = agreement.services.find((s: { name: string }) => s.name === 'Arbetsplats');
		expect(w.current.volume).toBe(120);
		expect(w.terms.map((t: { effectiveFrom: string; volume: number }) => [t.effectiveFrom, t.volume])).toEqual([
			['2025-01', 120],
			[NEXT_MONTH, 140]
		]);
		expect(agreement.amendments[0]).toMatchObject({ kind: 'volume_change', effectiveFrom: NEXT_MONTH, reason: 'Avrop: 20 nya arbetsplatser', madeBy: 'Maria Ekström' });
		// an amendment dated in the past, or a second first agreement, is refused and changes nothing
		const past = await admin.json('POST', `${agreementOf(test)}/amendments`, { kind: 'price_change', effectiveFrom: '2025-10', reason: 'Retroaktivt', changes: [{ serviceId: w.id, unitPriceOre: 1 }] });
		expect(past.status).toBe(400);
		expect(past.body.error.fields.effectiveFrom).toBeDefined();
		const again = await admin.json('POST', `${agreementOf(test)}/amendments`, { kind: 'initial', effectiveFrom: '2024-01', reason: 'Igen', changes: [{ serviceId: w.id, volume: 1 }] });
		expect(again.status).toBe(409);
		expect((await admin.json('GET', reportOf(test, '2025-10'))).body.report.totals.agreedOre).toBe(AGREED_MONTH_ORE + 999);
		const audit = await admin.json('GET', `/api/v1/audit?customerId=${test}`);
		expect(audit.body.entries.filter((e: { action: string }) => e.action === 'agreement.amend')).toHaveLength(2);
	});

	it("are the supplier admin's or the customer's BAM's: other staff and the customer are refused", async () => {
		const change = { kind: 'new_service', effectiveFrom: NEXT_MONTH, reason: 'Ny tjänst', changes: [{ service: { name: 'Backup', serviceArea: 'Drift', unit: 'per_server' }, volume: 10, unitPriceOre: 20_000 }] };
		expect((await incidentManager.json('POST', `${agreementOf(norrby)}/amendments`, change)).status).toBe(403);
		expect((await norrbyOwner.json('POST', `${agreementOf(norrby)}/amendments`, change)).status).toBe(403);
		expect((await vattenAdmin.json('POST', `${agreementOf(norrby)}/amendments`, change)).status).toBe(404);
		const byBam = await bam.json('POST', `${agreementOf(norrby)}/amendments`, change);
		expect(byBam.status, JSON.stringify(byBam.body)).toBe(201);
	});
});

describe('the report as PDF', () => {
	it('names the months in words and lists the deviation with its service and reasons', async () => {
		const res = await admin.get(`/api/v1/customers/${test}/reports/agreement.pdf?from=2025-10&to=2025-11`);
		expect(res.status).toBe(200);
		const parser = new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) });
		const sv = (await parser.getText()).text.replace(/\s+/g, ' ');
		await parser.destroy();
		expect(sv).toMatch(/Period: okt\.? 2025 – nov\.? 2025/);
		expect(sv).toMatch(/okt\.? 2025 · Arbetsplats: volym, belopp/);
		expect(sv).not.toContain('2025-10');
	});
});

describe('the report as CSV', () => {
	it('names the unit of each service in words, not by its key', async () => {
		const res = await admin.get(`/api/v1/customers/${test}/reports/agreement.csv?from=2025-10&to=2025-10`);
		expect(res.status).toBe(200);
		const csv = await res.text();
		expect(csv).toContain('per användare');
		expect(csv).not.toContain('per_user');
	});
});

describe('the tolerance form', () => {
	it('takes the percentage as typed ("2,5"), refuses what is not one and changes nothing, and is only for who may amend', async () => {
		const path = (c: string) => `/customers/${c}/portal/agreement?/tolerance`;
		const tolerance = async () => (await admin.json('GET', reportOf(test, '2025-10'))).body.report.toleranceBp;
		const before = await tolerance();
		for (const typed of ['fem', '', '101', '2,555']) {
			const res = await admin.form(path(test), { _form: 'tolerance', tolerancePercent: typed });
			expect(res.status, typed).toBe(400);
		}
		expect(await tolerance()).toBe(before);
		expect((await admin.form(path(test), { _form: 'tolerance', tolerancePercent: '2,5' })).status).toBe(200);
		expect(await tolerance()).toBe(250);
		expect(await (await admin.get(`/customers/${test}/portal/agreement`)).text()).toContain('Tolerans 2,5 %');
		// the customer's contract owner and other supplier staff may not; another customer's admin learns nothing
		expect((await norrbyOwner.form(path(norrby), { _form: 'tolerance', tolerancePercent: '50' })).status).toBe(403);
		expect((await incidentManager.form(path(norrby), { _form: 'tolerance', tolerancePercent: '50' })).status).toBe(403);
		expect((await vattenAdmin.form(path(norrby), { _form: 'tolerance', tolerancePercent: '50' })).status).toBe(404);
		expect((await admin.json('GET', reportOf(norrby, '2025-10'))).body.report.toleranceBp).not.toBe(5000);
		expect((await admin.json('PUT', `${agreementOf(test)}/tolerance`, { tolerancePercent: before / 100 })).status).toBe(200);
	});
});

describe("the contract owner's proposal", () => {
	it('is costed, accepted by the BAM as an amendment, decided once, and audited', async () => {
		const agreement = (await norrbyOwner.json('GET', agreementOf(norrby))).body.agreement;
		expect(agreement.canPropose).toBe(true);
		expect(agreement.canEdit).toBe(false);
		const backup = agreement.services.find((s: { name: string }) => s.name === 'Backup');
		const effect = await norrbyOwner.json('POST', `${agreementOf(norrby)}/cost-effect`, { effectiveFrom: NEXT_MONTH, changes: [{ serviceId: backup.id, volume: 15 }] });
		expect(effect.status).toBe(200);
		expectContract('agreementCostEffect', effect.body);
		// 5 more servers × 200,00 kr = 1 000,00 kr a month, 12 000,00 kr a year, VAT 3 000,00 kr
		expect(effect.body).toMatchObject({ twelveMonthsOre: 1_200_000, twelveMonthsVatOre: 300_000 });
		expect(effect.body.effects[0]).toMatchObject({ beforeOre: 200_000, afterOre: 300_000, monthlyOre: 100_000 });

		const proposed = await norrbyOwner.json('POST', `${agreementOf(norrby)}/proposals`, { effectiveFrom: NEXT_MONTH, reason: 'Fler servrar i backup', changes: [{ serviceId: backup.id, volume: 15 }] });
		expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
		expectContract('proposeAgreementChange', proposed.body);
		const id = proposed.body.proposalId;
		expect(proposed.body.agreement.proposals[0]).toMatchObject({ id, status: 'proposed', proposedBy: 'Eva Norberg' });
		// a member (not the contract owner) cannot propose; the customer cannot decide
		expect((await norrbyMember.json('POST', `${agreementOf(norrby)}/proposals`, { effectiveFrom: NEXT_MONTH, reason: 'x', changes: [{ serviceId: backup.id, volume: 1 }] })).status).toBe(403);
		expect((await norrbyOwner.json('POST', `${agreementOf(norrby)}/proposals/${id}`, { accept: true })).status).toBe(403);

		const accepted = await bam.json('POST', `${agreementOf(norrby)}/proposals/${id}`, { accept: true, note: 'Godtas från nästa månad' });
		expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
		expectContract('decideAgreementProposal', accepted.body);
		const p = accepted.body.agreement.proposals.find((x: { id: string }) => x.id === id);
		expect(p).toMatchObject({ status: 'accepted', decidedBy: 'Johan Berg', note: 'Godtas från nästa månad' });
		const amendment = accepted.body.agreement.amendments.find((a: { id: string }) => a.id === p.amendmentId);
		expect(amendment).toMatchObject({ proposalId: id, effectiveFrom: NEXT_MONTH });
		expect(accepted.body.agreement.services.find((s: { name: string }) => s.name === 'Backup').terms.at(-1).volume).toBe(15);
		expect((await bam.json('POST', `${agreementOf(norrby)}/proposals/${id}`, { accept: false })).status).toBe(409);
		const audit = (await norrbyOwner.json('GET', `/api/v1/audit?customerId=${norrby}`)).body;
		const actions = (audit.entries ?? []).map((e: { action: string }) => e.action);
		expect(actions).toEqual(expect.arrayContaining(['agreement.propose', 'agreement.proposal.accept', 'agreement.amend']));
	});
});

describe('who sees the agreement', () => {
	const paths = (c: string) => [agreementOf(c), reportOf(c, '2025-10'), `/api/v1/customers/${c}/reports/agreement.csv`, `/api/v1/customers/${c}/reports/agreement.pdf`];

	it('another customer gets the answer of an unknown id, for every read and write', async () => {
		for (const p of paths(norrby)) {
			const theirs = await vattenAdmin.json('GET', p);
			const unknown = await vattenAdmin.json('GET', p.replace(norrby, NOWHERE));
			expect(theirs.status, p).toBe(404);
			expect(theirs.body, p).toEqual(unknown.body);
		}
		for (const [method, p, body] of [
			['POST', `/api/v1/customers/${norrby}/invoices`, { lines: [{}] }],
			['POST', `${agreementOf(norrby)}/proposals`, { effectiveFrom: NEXT_MONTH, reason: 'x', changes: [] }],
			['PUT', `${agreementOf(norrby)}/tolerance`, { tolerancePercent: 1 }]
		] as const) {
			const theirs = await vattenAdmin.json(method, p, body);
			const unknown = await vattenAdmin.json(method, p.replace(norrby, NOWHERE), body);
			expect(theirs.status, p).toBe(404);
			expect(theirs.body, p).toEqual(unknown.body);
		}
	});

	it('a member without the grant gets the refusal of every other report, and reads once granted', async () => {
		const sla = await norrbyMember.json('GET', `/api/v1/customers/${norrby}/reports/sla`);
		expect(sla.status).toBe(403);
		for (const p of paths(norrby)) {
			const res = await norrbyMember.json('GET', p);
			expect(res.status, p).toBe(403);
			expect(res.body, p).toEqual(sla.body);
		}
		// the page says why, like every other report's
		expect(await (await norrbyMember.get(`/customers/${norrby}/portal/agreement`)).text()).toContain('Den här rapporten är inte delad med dig');
		expect((await norrbyOwner.json('PUT', `/api/v1/customers/${norrby}/report-grants`, { personId: norrbyMemberId, reports: ['agreement'] })).status).toBe(200);
		const page = await (await norrbyMember.get(`/customers/${norrby}/portal/agreement`)).text();
		expect(page).toContain('Avtalade tjänster');
		// a member reads; only the supplier imports, amends, and only the contract owner proposes
		expect(page).not.toContain('Importera fakturering');
		expect(page).not.toContain('Ändra avtalet');
		expect(page).not.toContain('Föreslå en ändring');
		const ownerPage = await (await norrbyOwner.get(`/customers/${norrby}/portal/agreement`)).text();
		expect(ownerPage).toContain('Föreslå en ändring');
		expect(ownerPage).not.toContain('Importera fakturering');
		const bamPage = await (await bam.get(`/customers/${norrby}/portal/agreement`)).text();
		expect(bamPage).toContain('Importera fakturering');
		expect(bamPage).toContain('Ändra avtalet');
		for (const p of paths(norrby)) expect((await norrbyMember.get(p)).status, p).toBe(200);
		expect((await norrbyMember.json('GET', `/api/v1/customers/${norrby}/reports/sla`)).status).toBe(403);
	});
});

describe('the demo', () => {
	const deviationsOf = async (customerId: string) =>
		(await admin.json('GET', reportOf(customerId, month(-12), month(-1)))).body.report as {
			months: string[];
			deviations: { period: string; serviceName: string; reasons: string[] }[];
			totals: { agreedOre: number; invoicedOre: number };
		};

	it("invoices both customers for a year as agreed, except two deviations that the next tactical forum's invoicing item shows", async () => {
		const ids = await demoIds(server.url);
		const vattensyd = ids.customers[VATTENSYD].id;
		const n = await deviationsOf(norrby);
		const v = await deviationsOf(vattensyd);
		expect(n.months).toHaveLength(12);
		// Norrby: 22 workplaces × 425,00 kr too many two months ago
		expect(n.deviations.map((d) => [d.period, d.serviceName, d.reasons])).toEqual([[month(-2), 'Arbetsplats', ['volume', 'amount']]]);
		expect(n.totals.invoicedOre - n.totals.agreedOre).toBe(22 * 42_500);
		// Vattenbolaget: servers at 1 250,00 kr instead of 1 195,00 kr three months ago (4,6 %: within the tolerance in amount, but not the agreed price)
		expect(v.deviations.map((d) => [d.period, d.serviceName, d.reasons])).toEqual([[month(-3), 'Server', ['price']]]);
		expect(v.totals.invoicedOre - v.totals.agreedOre).toBe(16 * 5_500);

		for (const [customer, service] of [
			[ids.customers[NORRBY], 'Arbetsplats'],
			[ids.customers[VATTENSYD], 'Server']
		] as const) {
			const tactical = customer.forums.tactical;
			const meetings = customer.meetings[tactical.id];
			const next = meetings[meetings.length - 1];
			const html = await (await admin.get(`/meetings/${next}`)).text();
			expect(html, customer.name).toContain('Fakturering mot avtal');
			expect(html, customer.name).toContain('Avvikelser i faktureringen (1)');
			expect(html, customer.name).toContain(service);
		}
	});
});

describe('justering', () => {
	it("freezes the tactical meeting's invoicing figures: a later credit note changes the report, not the approved minutes", async () => {
		const ids = await demoIds(server.url);
		const n = ids.customers[NORRBY];
		const id = n.meetings[n.forums.tactical.id].at(-1)!;
		const chair = norrbyOwner; // Eva Norberg chairs Norrby's tactical forum in the demo
		const adjuster = await new ApiClient(server.url).login('it@norrby.example');
		const step = async (client: ApiClient, method: string, path: string, body: unknown = {}) => {
			const r = await client.json(method, `/api/v1/meetings/${id}/${path}`, body);
			expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBe(200);
		};
		await step(admin, 'POST', 'publish');
		await step(chair, 'POST', 'start', { confirmEarly: true });
		await step(admin, 'PUT', 'adjuster', { personId: n.person('it@norrby.example').id });
		await step(chair, 'POST', 'end');
		await step(chair, 'POST', 'approve');
		await step(adjuster, 'POST', 'approve');
		const before = await (await admin.get(`/meetings/${id}`)).text();
		expect(before).toContain('Avvikelser i faktureringen (1)');

		// the supplier credits the 22 workplaces: the month now agrees with the agreement
		const credit = await admin.json('POST', `/api/v1/customers/${norrby}/invoices`, {
			lines: [{ period: month(-2), invoiceNumber: 'KREDIT-1', service: 'Arbetsplats', quantity: -22, unitPriceOre: 42_500, amountOre: -935_000 }]
		});
		expect(credit.body.report.status).toBe('imported');
		expect((await admin.json('GET', reportOf(norrby, month(-2)))).body.report.deviations).toEqual([]);
		const after = await (await admin.get(`/meetings/${id}`)).text();
		expect(after).toContain('Avvikelser i faktureringen (1)');
		expect(after).toContain('9\u00a0350,00\u00a0kr');
	});
});
