/** OpenAPI schemas of the agreement and its invoicing (issue 22): money in öre (integers). */
import { z } from 'zod';
import { AMENDMENT_KINDS, ServiceChange, SERVICE_UNITS } from '$lib/server/domain/agreement/agreement.service';
import { uuid } from './openapi-schemas';

const ore = () => z.int().describe('öre (1/100 kr)');
const month = () => z.string().describe('yyyy-mm');
const REASONS = z.enum(['volume', 'price', 'amount', 'not_invoiced', 'not_agreed']);

const Term = z.strictObject({
	effectiveFrom: month(),
	amendmentId: uuid(),
	volume: z.int(),
	unitPriceOre: ore(),
	monthlyOre: ore(),
	slaTargets: z.array(z.string()),
	active: z.boolean()
});

const CostEffect = z.strictObject({
	serviceId: uuid().nullable(),
	serviceName: z.string(),
	beforeOre: ore(),
	afterOre: ore(),
	monthlyOre: ore(),
	twelveMonthsOre: ore(),
	twelveMonthsVatOre: ore()
});

export const Agreement = z.strictObject({
	customerId: uuid(),
	month: month(),
	toleranceBp: z.int().describe('basis points (1/100 %) of the agreed volume or amount'),
	services: z.array(
		z.strictObject({ id: uuid(), name: z.string(), serviceArea: z.string(), unit: z.enum(SERVICE_UNITS), current: Term.nullable(), terms: z.array(Term) })
	),
	monthly: z.strictObject({ netOre: ore(), vatOre: ore() }),
	amendments: z.array(
		z.strictObject({
			id: uuid(),
			kind: z.enum(AMENDMENT_KINDS),
			effectiveFrom: month(),
			reason: z.string(),
			madeAt: z.string(),
			madeBy: z.string().nullable(),
			proposalId: uuid().nullable(),
			decisionId: z.string().nullable(),
			meetingId: uuid().nullable()
		})
	),
	proposals: z.array(
		z.strictObject({
			id: uuid(),
			effectiveFrom: month(),
			reason: z.string(),
			changes: z.array(ServiceChange),
			status: z.enum(['proposed', 'accepted', 'declined']),
			proposedBy: z.string().nullable(),
			proposedAt: z.string(),
			decidedBy: z.string().nullable(),
			decidedAt: z.string().nullable(),
			note: z.string().nullable(),
			amendmentId: uuid().nullable(),
			effects: z.array(CostEffect)
		})
	),
	canEdit: z.boolean(),
	canPropose: z.boolean()
});

const FollowUpRow = z.strictObject({
	period: month(),
	serviceId: uuid(),
	serviceName: z.string(),
	unit: z.string(),
	agreedVolume: z.int().nullable(),
	agreedUnitPriceOre: ore().nullable(),
	agreedOre: ore(),
	invoicedQuantity: z.int(),
	invoicedOre: ore(),
	volumeDifference: z.int(),
	amountDifferenceOre: ore(),
	reasons: z.array(REASONS),
	invoiceNumbers: z.array(z.string())
});

export const InvoicingReport = z.strictObject({
	customerId: uuid(),
	from: month(),
	to: month(),
	months: z.array(month()),
	toleranceBp: z.int(),
	rows: z.array(FollowUpRow),
	services: z.array(FollowUpRow.omit({ period: true, invoiceNumbers: true }).extend({ deviations: z.int() })),
	deviations: z.array(FollowUpRow),
	totals: z.strictObject({ agreedOre: ore(), invoicedOre: ore(), differenceOre: ore(), vatOre: ore(), invoicedWithVatOre: ore() }),
	trend: z.array(z.strictObject({ month: month(), agreedOre: ore(), invoicedOre: ore(), deviations: z.int() }))
});

export const InvoiceImportReport = z.strictObject({
	status: z.enum(['imported', 'rejected', 'checked']).describe('rejected: nothing changed; checked: a dry run'),
	importId: uuid().nullable(),
	rowsRead: z.int(),
	lines: z.int(),
	created: z.int(),
	updated: z.int(),
	unchanged: z.int(),
	amountOre: ore(),
	rejected: z.int(),
	errors: z.array(z.string()),
	rejectedRows: z.array(z.strictObject({ row: z.int(), reasons: z.array(z.string()) }))
});

export const CostEffectAnswer = z.strictObject({ effects: z.array(CostEffect), twelveMonthsOre: ore(), twelveMonthsVatOre: ore() });

export const AGREEMENT_OUTPUT_SCHEMAS = { Agreement, InvoicingReport, InvoiceImportReport, CostEffectAnswer } satisfies Record<string, z.ZodType>;
