import { listReportGrants, PORTAL_REPORTS, setReportGrants } from '$lib/server/domain/tenancy/report-grants.service';
import { formAction, loadWith } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadWith(event, async ({ db }, actor) => ({ grants: await listReportGrants(db, actor, event.params.id) }));

export const actions: Actions = {
	default: formAction(async ({ app, actor, data, event }) =>
		setReportGrants(app.db, actor, event.params.id!, {
			personId: data.personId,
			reports: PORTAL_REPORTS.filter((r) => data[`report_${r}`] === 'on')
		})
	)
};
