import { amendAgreement, decideProposal, getAgreement, proposeChange, setTolerance } from '$lib/server/domain/agreement/agreement.service';
import { invoicingReport } from '$lib/server/domain/agreement/follow-up.service';
import { parseKronor } from '$lib/server/domain/agreement/money';
import { invalid } from '$lib/server/domain/errors';
import { can } from '$lib/server/domain/policy';
import { listCustomerDecisions } from '$lib/server/domain/meetings/actions.service';
import { formAction, loadWith } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const q = event.url.searchParams;
		const customerId = event.params.id;
		const [report, agreement] = await Promise.all([
			invoicingReport(db, actor, customerId, { from: q.get('from') || undefined, to: q.get('to') || undefined }),
			getAgreement(db, actor, customerId)
		]);
		// the decisions an amendment can carry out: those of the customer's minutes, approved or still proposed (the meeting is not over), for whoever amends
		const decisions = agreement.canEdit && can(actor, 'meeting.read', { customerId }) ? (await listCustomerDecisions(db, actor, customerId, { status: 'all' })).slice(0, 50) : [];
		return {
			report,
			agreement,
			decisions: decisions.map((d) => ({ id: d.id, text: d.text, meetingTitle: d.meetingTitle, meetingId: d.meetingId })),
			// the billing system's CSV export is uploaded to the API (invoices/import) by the supplier's staff
			canImport: can(actor, 'invoice.import', { customerId })
		};
	});

/** One service's change from the form: volume and unit price (kronor, "12 345,67") where given. */
function changeFrom(data: Record<string, string>) {
	const volume = data.volume?.trim() ? Number(data.volume.trim()) : undefined;
	let unitPriceOre: number | undefined;
	if (data.unitPrice?.trim()) {
		const ore = parseKronor(data.unitPrice);
		if (ore === null) throw invalid('Not an amount', { unitPrice: 'agreement.amount' });
		unitPriceOre = ore;
	}
	return { serviceId: data.serviceId || undefined, volume, unitPriceOre, ...(data.ended === 'on' ? { active: false } : {}) };
}

export const actions: Actions = {
	amend: formAction(async ({ app, actor, data, event }) => {
		const { amendmentId } = await amendAgreement(app.db, actor, event.params.id!, {
			kind: data.kind,
			effectiveFrom: data.effectiveFrom,
			reason: data.reason,
			changes: [changeFrom(data)],
			decisionId: data.decisionId || undefined
		});
		return { amendmentId };
	}),
	propose: formAction(async ({ app, actor, data, event }) => {
		const { proposalId } = await proposeChange(app.db, actor, event.params.id!, { effectiveFrom: data.effectiveFrom, reason: data.reason, changes: [changeFrom(data)] });
		return { proposalId };
	}),
	tolerance: formAction(async ({ app, actor, data, event }) => {
		// "2,5" as a Swede types it; anything else that is not a number is refused by the service
		const typed = (data.tolerancePercent ?? '').trim().replace(',', '.');
		await setTolerance(app.db, actor, event.params.id!, { tolerancePercent: typed === '' ? null : Number(typed) });
	}),
	decide: formAction(async ({ app, actor, data, event }) => {
		await decideProposal(app.db, actor, event.params.id!, data.proposalId ?? '', {
			accept: data.accept === 'true',
			note: data.note || undefined,
			decisionId: data.decisionId || undefined
		});
	})
};
