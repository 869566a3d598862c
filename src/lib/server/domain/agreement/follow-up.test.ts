import { describe, expect, it } from 'vitest';
import { costEffect, followUp, termAt, trendOf, type InvoiceLine, type TermRow } from './follow-up';
import { wholeMonthsOf } from './months';

const services = [{ id: 's1', name: 'Arbetsplats', serviceArea: 'Arbetsplats', unit: 'per_user' }];
const term = (effectiveFrom: string, volume: number, unitPriceOre: number, active = true): TermRow => ({
	serviceId: 's1',
	effectiveFrom,
	amendmentId: `a-${effectiveFrom}`,
	volume,
	unitPriceOre,
	slaTargets: [],
	active
});
const line = (period: string, quantity: number, unitPriceOre = 45_000): InvoiceLine => ({
	period,
	invoiceNumber: `F-${period}`,
	serviceId: 's1',
	quantity,
	unitPriceOre,
	amountOre: quantity * unitPriceOre
});

describe('the follow-up', () => {
	it('takes the terms dated last on or before a month: a later amendment never reaches back', () => {
		const terms = [term('2026-01', 100, 45_000), term('2026-06', 120, 45_000)];
		expect(termAt(terms, '2026-05')?.volume).toBe(100);
		expect(termAt(terms, '2026-06')?.volume).toBe(120);
		expect(termAt(terms, '2025-12')).toBeNull();
		expect(termAt([...terms, term('2026-09', 120, 45_000, false)], '2026-10')).toBeNull();
	});

	it('flags a month outside the tolerance and only that one', () => {
		const f = followUp(services, [term('2026-01', 100, 45_000)], [line('2026-01', 104), line('2026-02', 106), line('2026-03', 100, 46_000)], ['2026-01', '2026-02', '2026-03', '2026-04'], 500);
		expect(f.rows.map((r) => [r.period, r.reasons])).toEqual([
			['2026-01', []],
			['2026-02', ['volume', 'amount']],
			['2026-03', ['price']],
			['2026-04', ['not_invoiced']]
		]);
		expect(f.totals.agreedOre).toBe(4 * 100 * 45_000);
		expect(f.totals.invoicedOre).toBe(104 * 45_000 + 106 * 45_000 + 100 * 46_000);
		expect(f.services[0].deviations).toBe(3);
	});

	it('follows up the whole months of a meeting period', () => {
		expect(wholeMonthsOf('2026-06-10', '2026-12-07')).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
		expect(wholeMonthsOf('2026-11-20', '2026-12-07')).toEqual(['2026-11']);
		expect(wholeMonthsOf('2026-11-01', '2026-11-30')).toEqual(['2026-11']);
	});

	it('draws twelve months of trend and computes the cost of a volume change from its month', () => {
		const terms = [term('2025-01', 100, 45_000)];
		expect(trendOf(services, terms, [line('2026-11', 100)], '2026-11', 500).map((p) => p.month)).toHaveLength(12);
		const effect = costEffect({ id: 's1', name: 'Arbetsplats' }, [...terms, term('2027-06', 90, 45_000)], { effectiveFrom: '2027-01', volume: 110 });
		expect(effect.monthlyOre).toBe(10 * 45_000);
		// Jan–May: +10 users; Jun–Dec the later term (90) would apply without the change: +20 users
		expect(effect.twelveMonthsOre).toBe(5 * 10 * 45_000 + 7 * 20 * 45_000);
		expect(effect.twelveMonthsVatOre).toBe(effect.twelveMonthsOre / 4);
	});
});
