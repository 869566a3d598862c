import { enterManualKpi, readKpiReport } from '$lib/server/domain/itsm/kpi/kpi.service';
import { kpiTargets } from '$lib/server/domain/itsm/kpi/kpi-targets.service';
import { parsePeriod } from '$lib/server/domain/itsm/period';
import { minTickets } from '$lib/server/domain/itsm/sample-size';
import { slaLights } from '$lib/server/domain/itsm/sla/sla-lights';
import { slaDisagreements } from '$lib/server/domain/itsm/sla/sla-report.service';
import { can } from '$lib/server/domain/policy';
import { visibleReports } from '$lib/server/domain/tenancy/report-grants.service';
import { getCustomer } from '$lib/server/domain/tenancy/customers.service';
import { formAction, loadWith } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const customerId = event.params.id;
		const customer = await getCustomer(db, actor, customerId);
		const q = event.url.searchParams;
		const period = parsePeriod({ from: q.get('from'), to: q.get('to') });
		// 403 for a member without the SLA report granted
		const [report, disagreements, targets] = await Promise.all([
			readKpiReport(db, actor, customerId, period),
			slaDisagreements(db, actor, customerId, period),
			kpiTargets(db, actor, customerId)
		]);
		return {
			customer: { id: customer.id, name: customer.name },
			query: { from: q.get('from') ?? '', to: q.get('to') ?? '' },
			report,
			// the same lights as the portal's SLA report
			lights: slaLights(report.sla, targets),
			minTickets: minTickets(),
			disagreements,
			reports: await visibleReports(db, actor, customerId),
			canImport: can(actor, 'ticket.import', { customerId }),
			canSync: can(actor, 'itsm.configure', { customerId }),
			canEnterKpi: can(actor, 'kpi.enter', { customerId })
		};
	});

export const actions: Actions = {
	manualKpi: formAction(async ({ app, actor, data, event }) =>
		enterManualKpi(app.db, actor, event.params.id!, {
			kpi: data.kpi,
			name: data.name,
			periodFrom: data.periodFrom,
			periodTo: data.periodTo,
			value: data.value === '' ? undefined : Number(data.value.replace(',', '.')),
			unit: data.unit || undefined,
			note: data.note || undefined
		})
	)
};
