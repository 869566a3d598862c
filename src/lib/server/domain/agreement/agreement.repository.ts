/** The agreement's and the invoicing's tables. Repository functions take the executor first; money comes back as numbers (PostgreSQL hands bigint over as text). */
import { randomUUID } from 'node:crypto';
import type { Executor } from '$lib/server/db';
import type { AgreementProposalsTable } from '$lib/server/db/agreement-schema';
import type { InvoiceLine, ServiceRow, TermRow } from './follow-up';

/** The tolerance of the follow-up when the customer has not set one: 5 %. */
export const DEFAULT_TOLERANCE_BP = 500;

export async function servicesOf(db: Executor, customerId: string): Promise<ServiceRow[]> {
	const rows = await db.selectFrom('agreement_services').select(['id', 'name', 'service_area', 'unit']).where('customer_id', '=', customerId).orderBy('service_area').orderBy('name').execute();
	return rows.map((r) => ({ id: r.id, name: r.name, serviceArea: r.service_area, unit: r.unit }));
}

export async function termsOf(db: Executor, customerId: string): Promise<TermRow[]> {
	const rows = await db
		.selectFrom('agreement_terms as t')
		.innerJoin('agreement_services as s', 's.id', 't.service_id')
		.select(['t.service_id', 't.effective_from', 't.amendment_id', 't.volume', 't.unit_price_ore', 't.sla_targets', 't.active'])
		.where('s.customer_id', '=', customerId)
		.orderBy('t.effective_from')
		.execute();
	return rows.map((r) => ({
		serviceId: r.service_id,
		effectiveFrom: r.effective_from,
		amendmentId: r.amendment_id,
		volume: Number(r.volume),
		unitPriceOre: Number(r.unit_price_ore),
		slaTargets: JSON.parse(r.sla_targets) as string[],
		active: Number(r.active) === 1
	}));
}

/** Invoice lines of the months from `from` to `to` (yyyy-mm, both included). */
export async function invoiceLinesOf(db: Executor, customerId: string, from: string, to: string): Promise<InvoiceLine[]> {
	const rows = await db
		.selectFrom('invoice_lines')
		.select(['period', 'invoice_number', 'service_id', 'quantity', 'unit_price_ore', 'amount_ore'])
		.where('customer_id', '=', customerId)
		.where('period', '>=', from)
		.where('period', '<=', to)
		.orderBy('period')
		.orderBy('invoice_number')
		.execute();
	return rows.map((r) => ({
		period: r.period,
		invoiceNumber: r.invoice_number,
		serviceId: r.service_id,
		quantity: Number(r.quantity),
		unitPriceOre: Number(r.unit_price_ore),
		amountOre: Number(r.amount_ore)
	}));
}

export async function toleranceOf(db: Executor, customerId: string): Promise<number> {
	const row = await db.selectFrom('agreement_settings').select('tolerance_bp').where('customer_id', '=', customerId).executeTakeFirst();
	return row ? Number(row.tolerance_bp) : DEFAULT_TOLERANCE_BP;
}

export async function saveTolerance(db: Executor, customerId: string, toleranceBp: number, by: string | null, at: string): Promise<number> {
	const before = await toleranceOf(db, customerId);
	await db
		.insertInto('agreement_settings')
		.values({ customer_id: customerId, tolerance_bp: toleranceBp, updated_by: by, updated_at: at })
		.onConflict((oc) => oc.column('customer_id').doUpdateSet({ tolerance_bp: toleranceBp, updated_by: by, updated_at: at }))
		.execute();
	return before;
}

export async function amendmentsOf(db: Executor, customerId: string) {
	return db
		.selectFrom('agreement_amendments as a')
		.leftJoin('people as p', 'p.id', 'a.made_by')
		.select(['a.id', 'a.kind', 'a.effective_from', 'a.reason', 'a.made_at', 'a.proposal_id', 'a.decision_id', 'a.meeting_id', 'p.name as made_by_name'])
		.where('a.customer_id', '=', customerId)
		.orderBy('a.effective_from', 'desc')
		.orderBy('a.made_at', 'desc')
		.execute();
}

export async function countAmendments(db: Executor, customerId: string): Promise<number> {
	const r = await db.selectFrom('agreement_amendments').select((eb) => eb.fn.countAll().as('n')).where('customer_id', '=', customerId).executeTakeFirst();
	return Number(r?.n ?? 0);
}

/** The amendments that carry out decisions of a meeting, with the decision's text. */
export async function amendmentsOfMeeting(db: Executor, meetingId: string) {
	return db
		.selectFrom('agreement_amendments as a')
		.leftJoin('decisions as d', 'd.id', 'a.decision_id')
		.select(['a.id', 'a.kind', 'a.effective_from', 'a.reason', 'a.decision_id', 'd.text as decision_text'])
		.where('a.meeting_id', '=', meetingId)
		.orderBy('a.made_at')
		.execute();
}

export async function insertAmendment(
	db: Executor,
	a: { id: string; customerId: string; kind: string; effectiveFrom: string; reason: string; madeBy: string | null; madeAt: string; proposalId: string | null; decisionId: string | null; meetingId: string | null }
): Promise<void> {
	await db
		.insertInto('agreement_amendments')
		.values({
			id: a.id,
			customer_id: a.customerId,
			kind: a.kind,
			effective_from: a.effectiveFrom,
			reason: a.reason,
			made_by: a.madeBy,
			made_at: a.madeAt,
			proposal_id: a.proposalId,
			decision_id: a.decisionId,
			meeting_id: a.meetingId
		})
		.execute();
}

export async function insertService(db: Executor, s: { id: string; customerId: string; name: string; serviceArea: string; unit: string; at: string }): Promise<void> {
	await db
		.insertInto('agreement_services')
		.values({ id: s.id, customer_id: s.customerId, name: s.name, name_key: serviceKey(s.name), service_area: s.serviceArea, unit: s.unit, created_at: s.at })
		.execute();
}

/** How an invoice line names a service: case and spacing do not matter. */
export const serviceKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Sets a service's terms from a month on (replacing terms another amendment dated the same month). */
export async function putTerm(db: Executor, t: TermRow): Promise<void> {
	const values = {
		amendment_id: t.amendmentId,
		volume: t.volume,
		unit_price_ore: t.unitPriceOre,
		sla_targets: JSON.stringify(t.slaTargets),
		active: t.active ? 1 : 0
	};
	await db
		.insertInto('agreement_terms')
		.values({ service_id: t.serviceId, effective_from: t.effectiveFrom, ...values })
		.onConflict((oc) => oc.columns(['service_id', 'effective_from']).doUpdateSet(values))
		.execute();
}

/** A decision of the customer's minutes, with its meeting. */
export async function findDecision(db: Executor, customerId: string, decisionId: string) {
	return db.selectFrom('decisions').select(['id', 'meeting_id', 'text']).where('id', '=', decisionId).where('customer_id', '=', customerId).executeTakeFirst();
}

/** Whether the person holds the role (by key) for the customer (role assignments are per customer, the supplier's too). */
export async function holdsRole(db: Executor, personId: string, customerId: string, roleKey: string): Promise<boolean> {
	const r = await db
		.selectFrom('role_assignments as ra')
		.innerJoin('roles as r', 'r.id', 'ra.role_id')
		.select('ra.id')
		.where('ra.person_id', '=', personId)
		.where('ra.customer_id', '=', customerId)
		.where('r.key', '=', roleKey)
		.executeTakeFirst();
	return r !== undefined;
}

export type ProposalRow = AgreementProposalsTable;

export async function proposalsOf(db: Executor, customerId: string) {
	return db
		.selectFrom('agreement_proposals as p')
		.leftJoin('people as by', 'by.id', 'p.proposed_by')
		.leftJoin('people as dec', 'dec.id', 'p.decided_by')
		.selectAll('p')
		.select(['by.name as proposed_by_name', 'dec.name as decided_by_name'])
		.where('p.customer_id', '=', customerId)
		.orderBy('p.proposed_at', 'desc')
		.execute();
}

export async function findProposal(db: Executor, customerId: string, proposalId: string) {
	return db.selectFrom('agreement_proposals').selectAll().where('id', '=', proposalId).where('customer_id', '=', customerId).executeTakeFirst();
}

export async function insertProposal(db: Executor, p: ProposalRow): Promise<void> {
	await db.insertInto('agreement_proposals').values(p).execute();
}

/** Decides a proposal still open; false when someone decided it first. */
export async function decideProposalRow(
	db: Executor,
	id: string,
	d: { status: 'accepted' | 'declined'; decidedBy: string | null; decidedAt: string; note: string | null; amendmentId: string | null }
): Promise<boolean> {
	const r = await db
		.updateTable('agreement_proposals')
		.set({ status: d.status, decided_by: d.decidedBy, decided_at: d.decidedAt, decision_note: d.note, amendment_id: d.amendmentId })
		.where('id', '=', id)
		.where('status', '=', 'proposed')
		.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1;
}

/** Inserts the line (keyed by customer, invoice number, period and service), or updates the one with its key when it differs; says which. */
export async function upsertInvoiceLine(db: Executor, customerId: string, l: InvoiceLine, importId: string, at: string): Promise<'created' | 'updated' | 'unchanged'> {
	const existing = await db
		.selectFrom('invoice_lines')
		.select(['id', 'quantity', 'unit_price_ore', 'amount_ore'])
		.where('customer_id', '=', customerId)
		.where('invoice_number', '=', l.invoiceNumber)
		.where('period', '=', l.period)
		.where('service_id', '=', l.serviceId)
		.executeTakeFirst();
	const values = { quantity: l.quantity, unit_price_ore: l.unitPriceOre, amount_ore: l.amountOre, import_id: importId, updated_at: at };
	if (!existing) {
		await db
			.insertInto('invoice_lines')
			.values({ id: randomUUID(), customer_id: customerId, period: l.period, invoice_number: l.invoiceNumber, service_id: l.serviceId, ...values })
			.execute();
		return 'created';
	}
	if (Number(existing.quantity) === l.quantity && Number(existing.unit_price_ore) === l.unitPriceOre && Number(existing.amount_ore) === l.amountOre) return 'unchanged';
	await db.updateTable('invoice_lines').set(values).where('id', '=', existing.id).execute();
	return 'updated';
}

export async function insertInvoiceImport(db: Executor, i: { id: string; customerId: string; importedBy: string | null; fileName: string | null; report: unknown; at: string }): Promise<void> {
	await db
		.insertInto('invoice_imports')
		.values({ id: i.id, customer_id: i.customerId, imported_by: i.importedBy, file_name: i.fileName, report: JSON.stringify(i.report), imported_at: i.at })
		.execute();
}
