/**
 * Invoice lines from the supplier's billing system: a CSV export (any column
 * names, mapped like the ticket import's generic preset) or JSON from an
 * integration (token scope invoices:write). Every row is checked; when any is
 * bad, nothing is stored and the report names every bad row with its line
 * (the file's physical line, 1 = header; the item's 1-based position in
 * JSON). Otherwise all lines are stored in one transaction with the import
 * record and its audit entry. A line is keyed by (invoice number, period,
 * service): importing the same file again changes nothing.
 */
import { z } from 'zod';
import type { Db } from '$lib/server/db';
import { config } from '$lib/server/config';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { notFound } from '../errors';
import { newId, nowIso } from '../ids';
import { readCsv, UnreadableFile, type CsvLimits } from '../itsm/import/csv-source';
import type { RejectedRow } from '../itsm/import/import-report';
import { authorize } from '../policy';
import { findCustomer } from '../tenancy/tenancy.repository';
import { line, parseInput } from '../validation';
import { insertInvoiceImport, serviceKey, servicesOf, upsertInvoiceLine } from './agreement.repository';
import type { InvoiceLine } from './follow-up';
import { MAX_ORE, parseKronor, parseWhole } from './money';
import { isMonth } from './months';

/** The fields an invoice line has, and the column names read when the mapping does not say (Swedish and English exports). */
export const INVOICE_FIELDS = {
	customer: ['Kund', 'Kundnamn', 'Customer'],
	period: ['Period', 'Faktureringsperiod', 'Billing period'],
	service: ['Tjänst', 'Artikel', 'Service'],
	quantity: ['Antal', 'Kvantitet', 'Quantity'],
	unitPrice: ['À-pris', 'A-pris', 'Á-pris', 'Styckpris', 'Pris', 'Unit price'],
	amount: ['Belopp', 'Summa', 'Amount'],
	invoiceNumber: ['Fakturanummer', 'Fakturanr', 'Invoice number', 'Invoice']
} as const;
export type InvoiceField = keyof typeof INVOICE_FIELDS;
const FIELDS = Object.keys(INVOICE_FIELDS) as InvoiceField[];

export const InvoiceMapping = z.partialRecord(z.enum(FIELDS as [InvoiceField, ...InvoiceField[]]), z.string().trim().min(1).max(200));

export const InvoiceImportOptions = z.strictObject({
	/** column names that differ from the defaults, e.g. {"service": "Produkt"} */
	mapping: InvoiceMapping.optional(),
	fileName: line(200).optional(),
	dryRun: z.boolean().optional()
});

export interface InvoiceImportReport {
	/** imported: committed; rejected: nothing changed; checked: a dry run that would have committed */
	status: 'imported' | 'rejected' | 'checked';
	importId: string | null;
	rowsRead: number;
	lines: number;
	created: number;
	updated: number;
	unchanged: number;
	/** the net sum of the lines read, in öre */
	amountOre: number;
	rejected: number;
	errors: string[];
	rejectedRows: RejectedRow[];
}

/** A line as read (with its line number in the file), before it is stored. */
type LineDraft = InvoiceLine & { row: number };

const MAX_LISTED = 10_000;

interface Checker {
	customerNames: string[];
	services: Map<string, string>;
	seen: Map<string, number>;
}

/** The checks every line goes through, from CSV or JSON: the customer, the service, the period, the amount is quantity × unit price, no line twice. */
function checkLine(
	c: Checker,
	row: number,
	v: { customer?: string | null; period: string; service: string; invoiceNumber: string; quantity: number | null; unitPriceOre: number | null; amountOre: number | null },
	reasons: string[]
): LineDraft | null {
	if (v.customer !== undefined && v.customer !== null && v.customer.trim() !== '' && !c.customerNames.includes(v.customer.trim().toLowerCase()))
		reasons.push(`customer: "${v.customer.slice(0, 80)}" is not this customer`);
	const period = /^\d{4}-\d{2}-\d{2}$/.test(v.period.trim()) ? v.period.trim().slice(0, 7) : v.period.trim();
	if (!isMonth(period)) reasons.push(`period: "${v.period.slice(0, 40)}" is not a month (yyyy-mm)`);
	const serviceId = c.services.get(serviceKey(v.service));
	if (!v.service.trim()) reasons.push('service: missing');
	else if (!serviceId) reasons.push(`service: "${v.service.slice(0, 120)}" is not a service of the agreement`);
	const invoiceNumber = v.invoiceNumber.trim();
	if (!invoiceNumber) reasons.push('invoice number: missing');
	else if (invoiceNumber.length > 64) reasons.push('invoice number: longer than 64 characters');
	if (v.quantity === null) reasons.push('quantity: not a whole number');
	if (v.unitPriceOre === null) reasons.push('unit price: not an amount');
	if (v.amountOre === null) reasons.push('amount: not an amount');
	if (v.quantity !== null && v.unitPriceOre !== null && v.amountOre !== null && v.quantity * v.unitPriceOre !== v.amountOre)
		reasons.push(`amount: ${v.amountOre / 100} is not quantity × unit price (${(v.quantity * v.unitPriceOre) / 100})`);
	if (reasons.length > 0 || !serviceId) return null;
	const key = `${invoiceNumber}\u0000${period}\u0000${serviceId}`;
	const first = c.seen.get(key);
	if (first !== undefined) {
		reasons.push(`the same invoice, period and service as row ${first}`);
		return null;
	}
	c.seen.set(key, row);
	return { row, period, invoiceNumber, serviceId, quantity: v.quantity!, unitPriceOre: v.unitPriceOre!, amountOre: v.amountOre! };
}

async function checker(db: Db, customerId: string): Promise<Checker> {
	const customer = await findCustomer(db, customerId);
	if (!customer) throw notFound('Customer');
	const names = [customer.name, customer.org_number].filter((n): n is string => !!n).map((n) => n.trim().toLowerCase());
	return { customerNames: names, services: new Map((await servicesOf(db, customerId)).map((s) => [serviceKey(s.name), s.id])), seen: new Map() };
}

const emptyReport = (): InvoiceImportReport => ({
	status: 'rejected',
	importId: null,
	rowsRead: 0,
	lines: 0,
	created: 0,
	updated: 0,
	unchanged: 0,
	amountOre: 0,
	rejected: 0,
	errors: [],
	rejectedRows: []
});

function limits(): CsvLimits {
	const c = config();
	return { maxBytes: c.IMPORT_MAX_BYTES, maxRatio: c.IMPORT_MAX_GZIP_RATIO, maxRows: c.IMPORT_MAX_ROWS, maxColumns: c.IMPORT_MAX_COLUMNS };
}

/** A CSV export of the billing system. */
export async function importInvoiceCsv(
	db: Db,
	actor: Actor,
	customerId: string,
	file: AsyncIterable<Uint8Array>,
	input: unknown,
	csvLimits: CsvLimits = limits()
): Promise<InvoiceImportReport> {
	authorize(actor, 'invoice.import', { customerId, kind: 'Customer' });
	const c = await checker(db, customerId);
	const o = parseInput(InvoiceImportOptions, input);
	const report = emptyReport();
	const drafts: LineDraft[] = [];
	let columns: Partial<Record<InvoiceField, number>> | null = null;
	const reject = (row: number, reasons: string[]) => {
		report.rejected++;
		if (report.rejectedRows.length < MAX_LISTED) report.rejectedRows.push({ row, reasons });
	};
	try {
		reading: for await (const batch of readCsv(file, csvLimits)) {
			for (const record of batch) {
				if (!columns) {
					const found: Partial<Record<InvoiceField, number>> = {};
					for (const f of FIELDS) {
						const names = o.mapping?.[f] ? [o.mapping[f]] : INVOICE_FIELDS[f];
						const at = record.cells.findIndex((h) => names.some((n) => n.toLowerCase() === h.toLowerCase()));
						if (at >= 0) found[f] = at;
						else if (f !== 'customer') report.errors.push(`No column for ${f} (looked for: ${names.join(', ')})`);
					}
					if (report.errors.length > 0) break reading;
					columns = found;
					continue;
				}
				report.rowsRead++;
				const cell = (f: InvoiceField) => (columns![f] === undefined ? undefined : (record.cells[columns![f]!] ?? ''));
				const reasons: string[] = [];
				const draft = checkLine(
					c,
					record.line,
					{
						customer: cell('customer'),
						period: cell('period')!,
						service: cell('service')!,
						invoiceNumber: cell('invoiceNumber')!,
						quantity: parseWhole(cell('quantity')!),
						unitPriceOre: parseKronor(cell('unitPrice')!),
						amountOre: parseKronor(cell('amount')!)
					},
					reasons
				);
				if (draft) drafts.push(draft);
				else reject(record.line, reasons);
			}
		}
	} catch (err) {
		if (!(err instanceof UnreadableFile)) throw err;
		report.errors.push(err.message);
	}
	return commitLines(db, actor, customerId, drafts, report, o.fileName ?? null, o.dryRun ?? false);
}

const ore = z.int().min(-MAX_ORE).max(MAX_ORE);
export const InvoiceLineInput = z.strictObject({
	period: z.string().trim().min(1).max(10).describe('yyyy-mm'),
	invoiceNumber: z.string().trim().min(1).max(64),
	service: z.string().trim().min(1).max(200).describe("the service's name in the agreement"),
	quantity: z.int().min(-1_000_000).max(1_000_000),
	unitPriceOre: ore,
	amountOre: ore
});
export const InvoiceIngestInput = z.strictObject({
	dryRun: z.boolean().optional(),
	lines: z.array(z.unknown()).min(1).max(10_000)
});

/** JSON from an integration: the same checks and the same one transaction. */
export async function ingestInvoiceLines(db: Db, actor: Actor, customerId: string, input: unknown): Promise<InvoiceImportReport> {
	authorize(actor, 'invoice.import', { customerId, kind: 'Customer' });
	const c = await checker(db, customerId);
	const body = parseInput(InvoiceIngestInput, input);
	const report = emptyReport();
	const drafts: LineDraft[] = [];
	body.lines.forEach((item, i) => {
		report.rowsRead++;
		const parsed = InvoiceLineInput.safeParse(item);
		const reasons: string[] = [];
		if (!parsed.success) reasons.push(...parsed.error.issues.map((iss) => `${iss.path.join('.') || 'line'}: ${iss.message}`));
		else {
			const draft = checkLine(c, i + 1, parsed.data, reasons);
			if (draft) drafts.push(draft);
		}
		if (reasons.length > 0) {
			report.rejected++;
			if (report.rejectedRows.length < MAX_LISTED) report.rejectedRows.push({ row: i + 1, reasons });
		}
	});
	return commitLines(db, actor, customerId, drafts, report, null, body.dryRun ?? false);
}

class DryRun extends Error {}

/** One transaction: the lines, the import record and the audit entry, or nothing (any bad row, any file error). */
async function commitLines(
	db: Db,
	actor: Actor,
	customerId: string,
	drafts: LineDraft[],
	report: InvoiceImportReport,
	fileName: string | null,
	dryRun: boolean
): Promise<InvoiceImportReport> {
	if (report.errors.length === 0 && report.rowsRead === 0) report.errors.push('The file has no invoice lines');
	report.amountOre = drafts.reduce((a, d) => a + d.amountOre, 0);
	report.lines = drafts.length;
	if (report.errors.length > 0 || report.rejected > 0) return { ...report, status: 'rejected' };
	const importId = newId();
	let final = report;
	try {
		await db.transaction().execute(async (tx) => {
			const now = nowIso();
			let created = 0;
			let updated = 0;
			let unchanged = 0;
			for (const d of drafts) {
				const outcome = await upsertInvoiceLine(tx, customerId, d, importId, now);
				if (outcome === 'created') created++;
				else if (outcome === 'updated') updated++;
				else unchanged++;
			}
			final = { ...report, created, updated, unchanged, status: dryRun ? 'checked' : 'imported', importId: dryRun ? null : importId };
			if (dryRun) throw new DryRun();
			await insertInvoiceImport(tx, { id: importId, customerId, importedBy: actor.personId === 'system' || actor.token ? null : actor.personId, fileName, report: final, at: now });
			await recordAudit(tx, actor, {
				action: 'invoices.import',
				entity: 'invoice_import',
				entityId: importId,
				customerId,
				after: { fileName, rowsRead: final.rowsRead, created, updated }
			});
		});
	} catch (err) {
		if (!(err instanceof DryRun)) throw err;
	}
	return final;
}
