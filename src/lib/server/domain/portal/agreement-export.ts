/**
 * The portal's report "Avtal och fakturering" as CSV (csv.ts: amounts in
 * kronor with a decimal comma, so a spreadsheet reads them as numbers) and
 * as PDF (fonts embedded, like the SLA report): per month and service agreed
 * against invoiced, the deviations, the totals with VAT separately.
 */
import { unitLabel } from '$lib/enum-labels';
import { formatMonth } from '$lib/format';
import { formatMoney, formatNumber } from '$lib/number-format';
import type { DeviationReason } from '../agreement/follow-up';
import type { InvoicingReport } from '../agreement/follow-up.service';
import type { ExportLocale } from '../exports/labels';
import { toCsv, type CsvCell } from './csv';
import { reportPdf } from './report-pdf';

const L = {
	sv: {
		title: 'Avtal och fakturering',
		period: 'Period',
		cols: ['Period', 'Tjänst', 'Enhet', 'Avtalad volym', 'Avtalat à-pris (kr)', 'Avtalat belopp (kr)', 'Fakturerad volym', 'Fakturerat belopp (kr)', 'Avvikelse (kr)', 'Avvikelse', 'Fakturor'],
		pdfCols: ['Tjänst', 'Avtalat', 'Fakturerat', 'Avvikelse', ''],
		totals: 'Summa',
		agreed: 'Avtalat',
		invoiced: 'Fakturerat exkl. moms',
		vat: 'Moms 25 %',
		withVat: 'Fakturerat inkl. moms',
		deviations: 'Avvikelser utöver toleransen',
		none: 'Inga avvikelser',
		tolerance: (p: string) => `Tolerans ${p} %`,
		reasons: { volume: 'volym', price: 'à-pris', amount: 'belopp', not_invoiced: 'ej fakturerad', not_agreed: 'ej avtalad' }
	},
	en: {
		title: 'Agreement and invoicing',
		period: 'Period',
		cols: ['Period', 'Service', 'Unit', 'Agreed volume', 'Agreed unit price (SEK)', 'Agreed amount (SEK)', 'Invoiced volume', 'Invoiced amount (SEK)', 'Difference (SEK)', 'Deviation', 'Invoices'],
		pdfCols: ['Service', 'Agreed', 'Invoiced', 'Difference', ''],
		totals: 'Total',
		agreed: 'Agreed',
		invoiced: 'Invoiced excl. VAT',
		vat: 'VAT 25 %',
		withVat: 'Invoiced incl. VAT',
		deviations: 'Deviations beyond the tolerance',
		none: 'No deviations',
		tolerance: (p: string) => `Tolerance ${p} %`,
		reasons: { volume: 'volume', price: 'unit price', amount: 'amount', not_invoiced: 'not invoiced', not_agreed: 'not agreed' }
	}
} as const;

/** The words of a deviation's reasons, in the export's language. */
export const reasonWords = (reasons: readonly DeviationReason[], locale: ExportLocale): string => reasons.map((r) => L[locale].reasons[r]).join(', ');

/** Kronor as a CSV number: öre ÷ 100 is the double nearest the decimal, written back as that decimal. */
const kr = (ore: number | null): CsvCell => (ore === null ? null : ore / 100);

export function agreementReportCsv(r: InvoicingReport, locale: ExportLocale): string {
	const l = L[locale];
	const rows: CsvCell[][] = r.rows.map((x) => [
		x.period,
		x.serviceName,
		unitLabel(x.unit, locale),
		x.agreedVolume,
		kr(x.agreedUnitPriceOre),
		kr(x.agreedOre),
		x.invoicedQuantity,
		kr(x.invoicedOre),
		kr(x.amountDifferenceOre),
		reasonWords(x.reasons, locale),
		x.invoiceNumbers.join(', ')
	]);
	rows.push([`${r.from}–${r.to}`, l.totals, null, null, null, kr(r.totals.agreedOre), null, kr(r.totals.invoicedOre), kr(r.totals.differenceOre), null, null]);
	rows.push([null, l.vat, null, null, null, null, null, kr(r.totals.vatOre), null, null, null]);
	rows.push([null, l.withVat, null, null, null, null, null, kr(r.totals.invoicedWithVatOre), null, null, null]);
	return toCsv([...l.cols], rows);
}

export function agreementReportPdf(r: InvoicingReport, customerName: string, locale: ExportLocale, createdAt = new Date()): Promise<Uint8Array> {
	const l = L[locale];
	const money = (ore: number) => formatMoney(ore, locale);
	const periodText = r.from === r.to ? formatMonth(r.from, locale) : `${formatMonth(r.from, locale)} – ${formatMonth(r.to, locale)}`;
	const { doc, row, end } = reportPdf({
		locale,
		title: l.title,
		customerName,
		periodKey: r.from === r.to ? r.from : `${r.from}–${r.to}`,
		subtitle: `${l.period}: ${periodText} · ${l.tolerance(formatNumber(r.toleranceBp / 100, locale, 2))}`,
		createdAt,
		columns: { widths: [150, 95, 95, 95, 48], right: (i) => i >= 1 && i <= 3 }
	});
	row([...l.pdfCols], true);
	for (const s of r.services) row([s.serviceName, money(s.agreedOre), money(s.invoicedOre), money(s.amountDifferenceOre), s.deviations > 0 ? '⚠' : '']);
	row([l.totals, money(r.totals.agreedOre), money(r.totals.invoicedOre), money(r.totals.differenceOre), ''], true);
	doc.moveDown(0.5);
	for (const [label, value] of [
		[l.invoiced, r.totals.invoicedOre],
		[l.vat, r.totals.vatOre],
		[l.withVat, r.totals.invoicedWithVatOre]
	] as const)
		doc.font('Regular').fontSize(10).text(`${label}: ${money(value)}`);
	doc.moveDown();
	doc.font('Bold').fontSize(13).text(l.deviations);
	doc.font('Regular').fontSize(10);
	if (r.deviations.length === 0) doc.text(l.none);
	for (const d of r.deviations) doc.text(`${formatMonth(d.period, locale)} · ${d.serviceName}: ${reasonWords(d.reasons, locale)} (${money(d.amountDifferenceOre)})`);
	return end();
}
