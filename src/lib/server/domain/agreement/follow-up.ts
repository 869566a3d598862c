/**
 * The follow-up of the agreement, computed from its terms and the invoice
 * lines (pure): per month and service, what was agreed (volume × unit price)
 * against what was invoiced (quantity, amount), the deviations beyond the
 * customer's tolerance, the totals with VAT shown separately, and the trend
 * over twelve months. One definition for every surface: the portal report,
 * the meeting's figures and slide, the API and the exports.
 */
import { vatOf } from './money';
import { addMonths, monthsBetween } from './months';

export interface TermRow {
	serviceId: string;
	effectiveFrom: string;
	amendmentId: string;
	volume: number;
	unitPriceOre: number;
	slaTargets: string[];
	active: boolean;
}

export interface ServiceRow {
	id: string;
	name: string;
	serviceArea: string;
	unit: string;
}

export interface InvoiceLine {
	period: string;
	invoiceNumber: string;
	serviceId: string;
	quantity: number;
	unitPriceOre: number;
	amountOre: number;
}

/** Why a month of a service deviates. */
export type DeviationReason = 'volume' | 'price' | 'amount' | 'not_invoiced' | 'not_agreed';

export interface FollowUpRow {
	period: string;
	serviceId: string;
	serviceName: string;
	unit: string;
	/** null: no term applies (not agreed that month) */
	agreedVolume: number | null;
	agreedUnitPriceOre: number | null;
	agreedOre: number;
	invoicedQuantity: number;
	invoicedOre: number;
	/** invoiced − agreed */
	volumeDifference: number;
	amountDifferenceOre: number;
	reasons: DeviationReason[];
	invoiceNumbers: string[];
}

export interface Totals {
	agreedOre: number;
	invoicedOre: number;
	differenceOre: number;
	/** VAT of the invoiced net sum (25 %, rounded once, money.ts) */
	vatOre: number;
	invoicedWithVatOre: number;
}

export interface FollowUp {
	months: string[];
	toleranceBp: number;
	rows: FollowUpRow[];
	/** per service, summed over the months */
	services: (Omit<FollowUpRow, 'period' | 'invoiceNumbers'> & { deviations: number })[];
	deviations: FollowUpRow[];
	totals: Totals;
}

export interface TrendPoint {
	month: string;
	agreedOre: number;
	invoicedOre: number;
	deviations: number;
}

/** The terms of a service that apply in `month`: the latest dated on or before it. `terms` sorted by effectiveFrom. */
export function termAt(terms: readonly TermRow[], month: string): TermRow | null {
	let found: TermRow | null = null;
	for (const t of terms) if (t.effectiveFrom <= month) found = t;
	return found && found.active ? found : null;
}

/** |difference| beyond `bp` basis points of `base` (integers only). With nothing agreed, any difference is beyond. */
export const beyond = (difference: number, base: number, bp: number): boolean => Math.abs(difference) * 10_000 > bp * Math.abs(base);

export function totalsOf(rows: readonly { agreedOre: number; invoicedOre: number }[]): Totals {
	let agreedOre = 0;
	let invoicedOre = 0;
	for (const r of rows) {
		agreedOre += r.agreedOre;
		invoicedOre += r.invoicedOre;
	}
	const vatOre = vatOf(invoicedOre);
	return { agreedOre, invoicedOre, differenceOre: invoicedOre - agreedOre, vatOre, invoicedWithVatOre: invoicedOre + vatOre };
}

/** Terms grouped per service, each list sorted by effectiveFrom. */
export function termsByService(terms: readonly TermRow[]): Map<string, TermRow[]> {
	const out = new Map<string, TermRow[]>();
	for (const t of [...terms].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))) {
		const list = out.get(t.serviceId) ?? [];
		list.push(t);
		out.set(t.serviceId, list);
	}
	return out;
}

function monthRows(services: readonly ServiceRow[], terms: Map<string, TermRow[]>, lines: readonly InvoiceLine[], month: string, toleranceBp: number): FollowUpRow[] {
	const rows: FollowUpRow[] = [];
	for (const s of services) {
		const term = termAt(terms.get(s.id) ?? [], month);
		const own = lines.filter((l) => l.serviceId === s.id && l.period === month);
		if (!term && own.length === 0) continue;
		let invoicedQuantity = 0;
		let invoicedOre = 0;
		for (const l of own) {
			invoicedQuantity += l.quantity;
			invoicedOre += l.amountOre;
		}
		const agreedVolume = term?.volume ?? null;
		const agreedUnitPriceOre = term?.unitPriceOre ?? null;
		const agreedOre = term ? term.volume * term.unitPriceOre : 0;
		const reasons: DeviationReason[] = [];
		if (!term) reasons.push('not_agreed');
		else if (own.length === 0) {
			if (agreedOre !== 0) reasons.push('not_invoiced');
		} else {
			if (beyond(invoicedQuantity - term.volume, term.volume, toleranceBp)) reasons.push('volume');
			if (own.some((l) => l.unitPriceOre !== term.unitPriceOre)) reasons.push('price');
			if (beyond(invoicedOre - agreedOre, agreedOre, toleranceBp)) reasons.push('amount');
		}
		rows.push({
			period: month,
			serviceId: s.id,
			serviceName: s.name,
			unit: s.unit,
			agreedVolume,
			agreedUnitPriceOre,
			agreedOre,
			invoicedQuantity,
			invoicedOre,
			volumeDifference: invoicedQuantity - (agreedVolume ?? 0),
			amountDifferenceOre: invoicedOre - agreedOre,
			reasons,
			invoiceNumbers: [...new Set(own.map((l) => l.invoiceNumber))].sort()
		});
	}
	return rows;
}

/** The follow-up of `months` (sorted "yyyy-mm"). */
export function followUp(services: readonly ServiceRow[], terms: readonly TermRow[], lines: readonly InvoiceLine[], months: readonly string[], toleranceBp: number): FollowUp {
	const byService = termsByService(terms);
	const rows = months.flatMap((m) => monthRows(services, byService, lines, m, toleranceBp));
	const summed = services.flatMap((s) => {
		const own = rows.filter((r) => r.serviceId === s.id);
		if (own.length === 0) return [];
		const last = own[own.length - 1];
		const sum = (f: (r: FollowUpRow) => number) => own.reduce((a, r) => a + f(r), 0);
		const agreedOre = sum((r) => r.agreedOre);
		const invoicedOre = sum((r) => r.invoicedOre);
		const agreedVolume = own.some((r) => r.agreedVolume !== null) ? sum((r) => r.agreedVolume ?? 0) : null;
		const invoicedQuantity = sum((r) => r.invoicedQuantity);
		return [
			{
				serviceId: s.id,
				serviceName: s.name,
				unit: s.unit,
				agreedVolume,
				agreedUnitPriceOre: last.agreedUnitPriceOre,
				agreedOre,
				invoicedQuantity,
				invoicedOre,
				volumeDifference: invoicedQuantity - (agreedVolume ?? 0),
				amountDifferenceOre: invoicedOre - agreedOre,
				reasons: [...new Set(own.flatMap((r) => r.reasons))],
				deviations: own.filter((r) => r.reasons.length > 0).length
			}
		];
	});
	return { months: [...months], toleranceBp, rows, services: summed, deviations: rows.filter((r) => r.reasons.length > 0), totals: totalsOf(rows) };
}

/** The twelve months up to and with `lastMonth`: agreed and invoiced per month. */
export function trendOf(services: readonly ServiceRow[], terms: readonly TermRow[], lines: readonly InvoiceLine[], lastMonth: string, toleranceBp: number): TrendPoint[] {
	const months = monthsBetween(addMonths(lastMonth, -11), lastMonth);
	const byService = termsByService(terms);
	return months.map((month) => {
		const rows = monthRows(services, byService, lines, month, toleranceBp);
		const t = totalsOf(rows);
		return { month, agreedOre: t.agreedOre, invoicedOre: t.invoicedOre, deviations: rows.filter((r) => r.reasons.length > 0).length };
	});
}

export interface CostEffect {
	serviceId: string | null;
	serviceName: string;
	/** agreed per month before and after the change, from its month */
	beforeOre: number;
	afterOre: number;
	/** after − before, per month and over twelve months from the change */
	monthlyOre: number;
	twelveMonthsOre: number;
	twelveMonthsVatOre: number;
}

/**
 * The contract owner's "beräkna ekonomiska effekter av avrop och
 * volymförändringar": what a change of volume or price costs per month and
 * over the twelve months from its month (terms already dated later are taken
 * into account month by month).
 */
export function costEffect(
	service: { id: string | null; name: string },
	terms: readonly TermRow[],
	change: { effectiveFrom: string; volume?: number; unitPriceOre?: number; active?: boolean }
): CostEffect {
	const sorted = [...terms].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
	const at = (m: string) => termAt(sorted, m);
	let twelve = 0;
	const amount = (t: { volume: number; unitPriceOre: number } | null) => (t ? t.volume * t.unitPriceOre : 0);
	const changed = (m: string) => {
		const t = at(m);
		if (change.active === false) return 0;
		const volume = change.volume ?? t?.volume ?? 0;
		const unitPriceOre = change.unitPriceOre ?? t?.unitPriceOre ?? 0;
		return volume * unitPriceOre;
	};
	for (const m of monthsBetween(change.effectiveFrom, addMonths(change.effectiveFrom, 11))) twelve += changed(m) - amount(at(m));
	const beforeOre = amount(at(change.effectiveFrom));
	const afterOre = changed(change.effectiveFrom);
	return { serviceId: service.id, serviceName: service.name, beforeOre, afterOre, monthlyOre: afterOre - beforeOre, twelveMonthsOre: twelve, twelveMonthsVatOre: vatOf(twelve) };
}
