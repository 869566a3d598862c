/**
 * The demo's agreements and a year of invoicing (issue 22): each customer's
 * services from twelve months back, and one invoice a month up to the last
 * month, agreeing with the agreement except for two deliberate deviations,
 * both in the period of the next tactical forum, whose "Fakturering och
 * avtal" item shows them: Norrby was invoiced 22 workplaces too many two
 * months ago, Vattenbolaget's servers at the wrong unit price three months
 * ago. Written through the domain, like real use.
 */
import type { Db } from '$lib/server/db';
import { SYSTEM_ACTOR } from '../domain/actor';
import { amendAgreement, type ServiceUnit } from '../domain/agreement/agreement.service';
import { ingestInvoiceLines } from '../domain/agreement/invoice-import.service';
import { addMonths, monthOf, monthsBetween } from '../domain/agreement/months';

interface DemoService {
	name: string;
	area: string;
	unit: ServiceUnit;
	volume: number;
	priceOre: number;
	sla?: string[];
}

const SERVICES: Record<string, DemoService[]> = {
	'Norrby kommun': [
		{ name: 'Arbetsplats', area: 'Arbetsplats', unit: 'per_user', volume: 350, priceOre: 42_500, sla: ['P1 lösning inom 4 h', 'P2 lösning inom 8 h'] },
		{ name: 'Server', area: 'Drift', unit: 'per_server', volume: 24, priceOre: 115_000, sla: ['Tillgänglighet 99,5 %'] },
		{ name: 'Servicedesk', area: 'Servicedesk', unit: 'per_month', volume: 1, priceOre: 6_250_000, sla: ['Svar inom 30 min'] },
		{ name: 'Nätverk skolor', area: 'Nätverk', unit: 'per_device', volume: 40, priceOre: 31_000 }
	],
	'Vattenbolaget Syd AB': [
		{ name: 'Arbetsplats', area: 'Arbetsplats', unit: 'per_user', volume: 180, priceOre: 44_500, sla: ['P1 lösning inom 4 h'] },
		{ name: 'Server', area: 'Drift', unit: 'per_server', volume: 16, priceOre: 119_500, sla: ['Tillgänglighet 99,7 %'] },
		{ name: 'Servicedesk', area: 'Servicedesk', unit: 'per_month', volume: 1, priceOre: 4_100_000, sla: ['Svar inom 30 min'] },
		{ name: 'SCADA-övervakning', area: 'Drift', unit: 'per_server', volume: 6, priceOre: 245_000, sla: ['P1 lösning inom 2 h'] }
	]
};

/** The two deliberate deviations: months back from now, the service, and what was invoiced instead. */
const DEVIATIONS: Record<string, { monthsBack: number; service: string; quantity?: number; priceOre?: number }> = {
	'Norrby kommun': { monthsBack: 2, service: 'Arbetsplats', quantity: 372 },
	'Vattenbolaget Syd AB': { monthsBack: 3, service: 'Server', priceOre: 125_000 }
};

export async function loadDemoAgreements(db: Db, customers: { id: string; name: string }[], now = new Date()): Promise<void> {
	const thisMonth = monthOf(now);
	for (const c of customers) {
		const services = SERVICES[c.name];
		if (!services) continue;
		await amendAgreement(
			db,
			SYSTEM_ACTOR,
			c.id,
			{
				kind: 'initial',
				effectiveFrom: addMonths(thisMonth, -12),
				reason: 'Leveransavtal med bilagor: tjänster, volymer och priser',
				changes: services.map((s) => ({ service: { name: s.name, serviceArea: s.area, unit: s.unit }, volume: s.volume, unitPriceOre: s.priceOre, slaTargets: s.sla ?? [] }))
			},
			now
		);
		const deviation = DEVIATIONS[c.name];
		const lines = monthsBetween(addMonths(thisMonth, -12), addMonths(thisMonth, -1)).flatMap((period, i) =>
			services.map((s) => {
				const off = deviation && deviation.service === s.name && period === addMonths(thisMonth, -deviation.monthsBack);
				const quantity = off && deviation.quantity !== undefined ? deviation.quantity : s.volume;
				const unitPriceOre = off && deviation.priceOre !== undefined ? deviation.priceOre : s.priceOre;
				return { period, invoiceNumber: `${c.name.slice(0, 3).toUpperCase()}-${period.replace('-', '')}-${String(i + 1).padStart(2, '0')}`, service: s.name, quantity, unitPriceOre, amountOre: quantity * unitPriceOre };
			})
		);
		await ingestInvoiceLines(db, SYSTEM_ACTOR, c.id, { lines });
	}
}
