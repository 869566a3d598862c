/**
 * The agreement per customer (issue 22): its services with what is agreed
 * (volume, unit price in öre, SLA targets), versioned by dated amendments.
 * An amendment sets a service's terms from its month on and never changes the
 * months before: only the first agreement ('initial') may date back, and only
 * while the customer has no amendment yet. The customer's contract owner
 * proposes a change; the supplier's admin or BAM accepts it (it becomes an
 * amendment) or declines it. Every change is audited in the same transaction.
 */
import { z } from 'zod';
import type { Db, Executor } from '$lib/server/db';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { conflict, invalid, notFound } from '../errors';
import { newId, nowIso } from '../ids';
import { authorize, can } from '../policy';
import { authorizeReport } from '../tenancy/report-grants.service';
import { findCustomer } from '../tenancy/tenancy.repository';
import { id, multilineText, parseInput, text } from '../validation';
import {
	amendmentsOf,
	amendmentsOfMeeting,
	countAmendments,
	decideProposalRow,
	findDecision,
	findProposal,
	holdsRole,
	insertAmendment,
	insertProposal,
	insertService,
	proposalsOf,
	putTerm,
	saveTolerance,
	serviceKey,
	servicesOf,
	termsOf,
	toleranceOf
} from './agreement.repository';
import { costEffect, termAt, termsByService, type CostEffect, type ServiceRow, type TermRow } from './follow-up';
import { vatOf } from './money';
import { Month, monthOf } from './months';

export const SERVICE_UNITS = ['per_user', 'per_server', 'per_device', 'per_month', 'per_hour', 'per_item'] as const;
export type ServiceUnit = (typeof SERVICE_UNITS)[number];
export const AMENDMENT_KINDS = ['initial', 'call_off', 'volume_change', 'price_change', 'new_service', 'end_service', 'other'] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];

/** Largest unit price (ten million kronor) and volume: volume × price stays an exact integer. */
const MAX_UNIT_PRICE_ORE = 1_000_000_000;
const MAX_VOLUME = 1_000_000;

export const ServiceChange = z
	.strictObject({
		/** an existing service of the agreement … */
		serviceId: id().optional(),
		/** … or a new one */
		service: z.strictObject({ name: text(120), serviceArea: text(120), unit: z.enum(SERVICE_UNITS) }).optional(),
		volume: z.int().min(0).max(MAX_VOLUME).optional(),
		unitPriceOre: z.int().min(0).max(MAX_UNIT_PRICE_ORE).optional(),
		slaTargets: z.array(text(200)).max(20).optional(),
		/** false: the service ends from the month on */
		active: z.boolean().optional()
	})
	.refine((c) => (c.serviceId === undefined) !== (c.service === undefined), { message: 'agreement.service_or_new', path: ['serviceId'] })
	.refine((c) => c.service === undefined || (c.volume !== undefined && c.unitPriceOre !== undefined), { message: 'agreement.new_service_terms', path: ['volume'] });
export type ServiceChange = z.infer<typeof ServiceChange>;

export const AmendmentInput = z.strictObject({
	kind: z.enum(AMENDMENT_KINDS),
	effectiveFrom: Month,
	reason: multilineText(2000).refine((v) => v.length > 0, 'field.required'),
	changes: z.array(ServiceChange).min(1, 'field.required').max(100),
	/** the decision of a meeting's minutes this amendment carries out */
	decisionId: id().optional()
});
export type AmendmentInput = z.infer<typeof AmendmentInput>;

export const ProposalInput = z.strictObject({
	effectiveFrom: Month,
	reason: multilineText(2000).refine((v) => v.length > 0, 'field.required'),
	changes: z.array(ServiceChange).min(1, 'field.required').max(20)
});

export const ProposalDecisionInput = z.strictObject({
	accept: z.boolean(),
	note: multilineText(2000).optional(),
	/** accepted: what kind of amendment it becomes (default: volume_change) */
	kind: z.enum(AMENDMENT_KINDS).exclude(['initial']).optional(),
	decisionId: id().optional()
});

export const ToleranceInput = z.strictObject({
	/** percent of the agreed amount or volume, e.g. 5 or 2.5 (two decimals) */
	tolerancePercent: z.number().min(0).max(100).refine((v) => Number.isInteger(Math.round(v * 100)) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, 'agreement.tolerance_format')
});

export interface TermView {
	effectiveFrom: string;
	amendmentId: string;
	volume: number;
	unitPriceOre: number;
	monthlyOre: number;
	slaTargets: string[];
	active: boolean;
}

export interface AgreementServiceView extends ServiceRow {
	/** what applies this month; null: not (or no longer) in force */
	current: TermView | null;
	/** every dated term, oldest first */
	terms: TermView[];
}

export interface AmendmentView {
	id: string;
	kind: string;
	effectiveFrom: string;
	reason: string;
	madeAt: string;
	madeBy: string | null;
	proposalId: string | null;
	decisionId: string | null;
	meetingId: string | null;
}

export interface ProposalView {
	id: string;
	effectiveFrom: string;
	reason: string;
	changes: ServiceChange[];
	status: 'proposed' | 'accepted' | 'declined';
	proposedBy: string | null;
	proposedAt: string;
	decidedBy: string | null;
	decidedAt: string | null;
	note: string | null;
	amendmentId: string | null;
	/** what it costs, per service changed (follow-up.ts costEffect) */
	effects: CostEffect[];
}

export interface AgreementView {
	customerId: string;
	/** the month "now" (Stockholm) */
	month: string;
	toleranceBp: number;
	services: AgreementServiceView[];
	/** agreed this month, net and the VAT on it */
	monthly: { netOre: number; vatOre: number };
	amendments: AmendmentView[];
	proposals: ProposalView[];
	/** what the reader may do */
	canEdit: boolean;
	canPropose: boolean;
}

const termView = (t: TermRow): TermView => ({
	effectiveFrom: t.effectiveFrom,
	amendmentId: t.amendmentId,
	volume: t.volume,
	unitPriceOre: t.unitPriceOre,
	monthlyOre: t.volume * t.unitPriceOre,
	slaTargets: t.slaTargets,
	active: t.active
});

/** The resource of an agreement action, with the actor's roles for the customer resolved. */
async function agreementResource(db: Executor, actor: Actor, customerId: string) {
	const [bam, contractOwner] = await Promise.all([
		actor.token ? false : holdsRole(db, actor.personId, customerId, 'bam'),
		actor.token ? false : holdsRole(db, actor.personId, customerId, 'contract_owner')
	]);
	return { customerId, bam, contractOwner, kind: 'Customer' };
}

async function requireCustomer(db: Executor, customerId: string): Promise<void> {
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
}

/** The effects of a proposal's changes on the agreement as it stands. */
function effectsOf(services: ServiceRow[], terms: Map<string, TermRow[]>, effectiveFrom: string, changes: ServiceChange[]): CostEffect[] {
	return changes.map((c) => {
		const service = c.serviceId ? services.find((s) => s.id === c.serviceId) : undefined;
		return costEffect({ id: service?.id ?? null, name: service?.name ?? c.service?.name ?? '' }, c.serviceId ? (terms.get(c.serviceId) ?? []) : [], {
			effectiveFrom,
			volume: c.volume,
			unitPriceOre: c.unitPriceOre,
			active: c.active
		});
	});
}

/** The agreement as the reader may see it (the 'agreement' report grant for the customer's members). */
export async function getAgreement(db: Db, actor: Actor, customerId: string, now = new Date()): Promise<AgreementView> {
	await authorizeReport(db, actor, customerId, 'agreement');
	const month = monthOf(now);
	const [services, terms, toleranceBp, amendments, proposals, resource] = await Promise.all([
		servicesOf(db, customerId),
		termsOf(db, customerId),
		toleranceOf(db, customerId),
		amendmentsOf(db, customerId),
		proposalsOf(db, customerId),
		agreementResource(db, actor, customerId)
	]);
	const byService = termsByService(terms);
	const serviceViews = services.map((s): AgreementServiceView => {
		const own = byService.get(s.id) ?? [];
		const current = termAt(own, month);
		return { ...s, current: current ? termView(current) : null, terms: own.map(termView) };
	});
	const netOre = serviceViews.reduce((a, s) => a + (s.current?.monthlyOre ?? 0), 0);
	return {
		customerId,
		month,
		toleranceBp,
		services: serviceViews,
		monthly: { netOre, vatOre: vatOf(netOre) },
		amendments: amendments.map((a) => ({
			id: a.id,
			kind: a.kind,
			effectiveFrom: a.effective_from,
			reason: a.reason,
			madeAt: a.made_at,
			madeBy: a.made_by_name ?? null,
			proposalId: a.proposal_id,
			decisionId: a.decision_id,
			meetingId: a.meeting_id
		})),
		proposals: proposals.map((p) => {
			const changes = JSON.parse(p.change) as ServiceChange[];
			return {
				id: p.id,
				effectiveFrom: p.effective_from,
				reason: p.reason,
				changes,
				status: p.status,
				proposedBy: p.proposed_by_name ?? null,
				proposedAt: p.proposed_at,
				decidedBy: p.decided_by_name ?? null,
				decidedAt: p.decided_at,
				note: p.decision_note,
				amendmentId: p.amendment_id,
				effects: effectsOf(services, byService, p.effective_from, changes)
			};
		}),
		canEdit: can(actor, 'agreement.edit', resource),
		canPropose: can(actor, 'agreement.propose', resource)
	};
}

/** Checks the changes against the agreement; returns them with the service each one is about. */
function checkChanges(services: ServiceRow[], changes: ServiceChange[]): void {
	const seen = new Set<string>();
	changes.forEach((c, i) => {
		const key = c.serviceId ?? `new:${serviceKey(c.service!.name)}`;
		if (seen.has(key)) throw invalid('The same service twice in one change', { [`changes.${i}`]: 'agreement.service_twice' });
		seen.add(key);
		if (c.serviceId && !services.some((s) => s.id === c.serviceId)) throw invalid('Not a service of this agreement', { [`changes.${i}.serviceId`]: 'agreement.unknown_service' });
		if (c.service && services.some((s) => serviceKey(s.name) === serviceKey(c.service!.name)))
			throw invalid('The agreement already has a service by that name', { [`changes.${i}.service.name`]: 'agreement.service_exists' });
	});
}

/** An amendment's month: this month or later; only the first agreement may date back. */
async function checkMonth(db: Executor, customerId: string, kind: AmendmentKind, effectiveFrom: string, now: Date): Promise<void> {
	if (kind === 'initial') {
		if ((await countAmendments(db, customerId)) > 0) throw conflict('The agreement already exists: change it with an amendment', { kind: 'agreement.initial_exists' });
		return;
	}
	if (effectiveFrom < monthOf(now)) throw invalid('An amendment takes effect this month or later, never in the past', { effectiveFrom: 'agreement.month_past' });
}

/** Writes an amendment and the terms it sets (inside the caller's transaction); returns its id. */
async function writeAmendment(
	tx: Executor,
	actor: Actor,
	customerId: string,
	a: { kind: AmendmentKind; effectiveFrom: string; reason: string; changes: ServiceChange[]; proposalId: string | null; decisionId: string | null; meetingId: string | null }
): Promise<string> {
	const services = await servicesOf(tx, customerId);
	checkChanges(services, a.changes);
	const terms = termsByService(await termsOf(tx, customerId));
	const amendmentId = newId();
	const now = nowIso();
	await insertAmendment(tx, { id: amendmentId, customerId, ...a, madeBy: actor.personId === 'system' ? null : actor.personId, madeAt: now });
	for (const c of a.changes) {
		let serviceId = c.serviceId;
		if (!serviceId) {
			serviceId = newId();
			await insertService(tx, { id: serviceId, customerId, name: c.service!.name, serviceArea: c.service!.serviceArea, unit: c.service!.unit, at: now });
		}
		// what applied before the month (an ended service too), changed where the amendment says
		const before = (terms.get(serviceId) ?? []).filter((t) => t.effectiveFrom <= a.effectiveFrom).at(-1);
		await putTerm(tx, {
			serviceId,
			effectiveFrom: a.effectiveFrom,
			amendmentId,
			volume: c.volume ?? before?.volume ?? 0,
			unitPriceOre: c.unitPriceOre ?? before?.unitPriceOre ?? 0,
			slaTargets: c.slaTargets ?? before?.slaTargets ?? [],
			active: c.active ?? true
		});
	}
	await recordAudit(tx, actor, {
		action: 'agreement.amend',
		entity: 'agreement_amendment',
		entityId: amendmentId,
		customerId,
		after: { kind: a.kind, effectiveFrom: a.effectiveFrom, reason: a.reason, changes: a.changes, decision: a.decisionId }
	});
	return amendmentId;
}

async function decisionLink(db: Executor, customerId: string, decisionId: string | undefined): Promise<{ decisionId: string | null; meetingId: string | null }> {
	if (!decisionId) return { decisionId: null, meetingId: null };
	const d = await findDecision(db, customerId, decisionId);
	// another customer's decision answers like an unknown one
	if (!d) throw invalid('Not a decision of this customer', { decisionId: 'agreement.unknown_decision' });
	return { decisionId: d.id, meetingId: d.meeting_id };
}

/** A dated amendment by the supplier's admin or the customer's BAM. */
export async function amendAgreement(db: Db, actor: Actor, customerId: string, input: unknown, now = new Date()): Promise<AgreementView & { amendmentId: string }> {
	authorize(actor, 'agreement.edit', await agreementResource(db, actor, customerId));
	await requireCustomer(db, customerId);
	const a = parseInput(AmendmentInput, input);
	const link = await decisionLink(db, customerId, a.decisionId);
	const amendmentId = await db.transaction().execute(async (tx) => {
		await checkMonth(tx, customerId, a.kind, a.effectiveFrom, now);
		return writeAmendment(tx, actor, customerId, { ...a, proposalId: null, ...link });
	});
	return { ...(await getAgreement(db, actor, customerId, now)), amendmentId };
}

/** The contract owner's change proposal. */
export async function proposeChange(db: Db, actor: Actor, customerId: string, input: unknown, now = new Date()): Promise<AgreementView & { proposalId: string }> {
	authorize(actor, 'agreement.propose', await agreementResource(db, actor, customerId));
	await requireCustomer(db, customerId);
	const p = parseInput(ProposalInput, input);
	if (p.effectiveFrom < monthOf(now)) throw invalid('A change takes effect this month or later, never in the past', { effectiveFrom: 'agreement.month_past' });
	checkChanges(await servicesOf(db, customerId), p.changes);
	const proposalId = newId();
	await db.transaction().execute(async (tx) => {
		const at = nowIso();
		await insertProposal(tx, {
			id: proposalId,
			customer_id: customerId,
			change: JSON.stringify(p.changes),
			effective_from: p.effectiveFrom,
			reason: p.reason,
			proposed_by: actor.personId,
			proposed_at: at,
			status: 'proposed',
			decided_by: null,
			decided_at: null,
			decision_note: null,
			amendment_id: null
		});
		await recordAudit(tx, actor, {
			action: 'agreement.propose',
			entity: 'agreement_proposal',
			entityId: proposalId,
			customerId,
			after: { effectiveFrom: p.effectiveFrom, reason: p.reason, changes: p.changes }
		});
	});
	return { ...(await getAgreement(db, actor, customerId, now)), proposalId };
}

/** The supplier accepts (the proposal becomes an amendment) or declines a proposal still open. */
export async function decideProposal(db: Db, actor: Actor, customerId: string, proposalId: string, input: unknown, now = new Date()): Promise<AgreementView> {
	authorize(actor, 'agreement.edit', await agreementResource(db, actor, customerId));
	await requireCustomer(db, customerId);
	const d = parseInput(ProposalDecisionInput, input);
	const proposal = await findProposal(db, customerId, proposalId);
	if (!proposal) throw notFound('Proposal');
	if (proposal.status !== 'proposed') throw conflict('The proposal has already been decided', { status: 'agreement.proposal_decided' });
	const link = await decisionLink(db, customerId, d.decisionId);
	await db.transaction().execute(async (tx) => {
		let amendmentId: string | null = null;
		if (d.accept) {
			const kind = d.kind ?? 'volume_change';
			await checkMonth(tx, customerId, kind, proposal.effective_from, now);
			amendmentId = await writeAmendment(tx, actor, customerId, {
				kind,
				effectiveFrom: proposal.effective_from,
				reason: proposal.reason,
				changes: JSON.parse(proposal.change) as ServiceChange[],
				proposalId,
				...link
			});
		}
		const decided = await decideProposalRow(tx, proposalId, {
			status: d.accept ? 'accepted' : 'declined',
			decidedBy: actor.personId === 'system' ? null : actor.personId,
			decidedAt: nowIso(),
			note: d.note ?? null,
			amendmentId
		});
		if (!decided) throw conflict('The proposal has already been decided', { status: 'agreement.proposal_decided' });
		await recordAudit(tx, actor, {
			action: d.accept ? 'agreement.proposal.accept' : 'agreement.proposal.decline',
			entity: 'agreement_proposal',
			entityId: proposalId,
			customerId,
			before: { status: 'proposed' },
			after: { status: d.accept ? 'accepted' : 'declined', note: d.note ?? null }
		});
	});
	return getAgreement(db, actor, customerId, now);
}

/** The follow-up's tolerance for the customer (the supplier's admin or BAM). */
export async function setTolerance(db: Db, actor: Actor, customerId: string, input: unknown): Promise<{ toleranceBp: number }> {
	authorize(actor, 'agreement.edit', await agreementResource(db, actor, customerId));
	await requireCustomer(db, customerId);
	const { tolerancePercent } = parseInput(ToleranceInput, input);
	const toleranceBp = Math.round(tolerancePercent * 100);
	await db.transaction().execute(async (tx) => {
		const before = await saveTolerance(tx, customerId, toleranceBp, actor.personId === 'system' ? null : actor.personId, nowIso());
		await recordAudit(tx, actor, { action: 'agreement.tolerance', entity: 'customer', entityId: customerId, customerId, before: { tolerance: before }, after: { tolerance: toleranceBp } });
	});
	return { toleranceBp };
}

export const CostEffectInput = z.strictObject({ effectiveFrom: Month, changes: z.array(ServiceChange).min(1).max(20) });

/** What a change would cost, without storing anything (the contract owner's calculation). */
export async function costEffectOf(db: Db, actor: Actor, customerId: string, input: unknown): Promise<{ effects: CostEffect[]; twelveMonthsOre: number; twelveMonthsVatOre: number }> {
	await authorizeReport(db, actor, customerId, 'agreement');
	const c = parseInput(CostEffectInput, input);
	const services = await servicesOf(db, customerId);
	checkChanges(services, c.changes);
	const effects = effectsOf(services, termsByService(await termsOf(db, customerId)), c.effectiveFrom, c.changes);
	const twelveMonthsOre = effects.reduce((a, e) => a + e.twelveMonthsOre, 0);
	return { effects, twelveMonthsOre, twelveMonthsVatOre: vatOf(twelveMonthsOre) };
}

export interface MeetingAmendment {
	id: string;
	kind: string;
	effectiveFrom: string;
	reason: string;
	decisionId: string | null;
	/** the decision's text in the minutes */
	decision: string | null;
}

/** The amendments that carry out decisions of a meeting (its page shows each decision's amendment); for whoever reads the meeting. */
export async function meetingAmendments(db: Db, actor: Actor, meeting: { id: string; customerId: string }): Promise<MeetingAmendment[]> {
	authorize(actor, 'meeting.read', { customerId: meeting.customerId, kind: 'Meeting' });
	const rows = await amendmentsOfMeeting(db, meeting.id);
	return rows.map((r) => ({ id: r.id, kind: r.kind, effectiveFrom: r.effective_from, reason: r.reason, decisionId: r.decision_id, decision: r.decision_text ?? null }));
}
