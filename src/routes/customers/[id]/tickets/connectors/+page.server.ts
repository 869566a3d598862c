import { connectorsPage, removeConnector, requestSync, saveConnector } from '$lib/server/domain/itsm/sync/connectors.service';
import { visibleReports } from '$lib/server/domain/tenancy/report-grants.service';
import { formAction, loadWith } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

/** The supplier admin's ticket connectors of one customer (ServiceNow, Jira Service Management). */
export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const page = await connectorsPage(db, actor, event.params.id);
		return { ...page, reports: await visibleReports(db, actor, event.params.id) };
	});

export const actions: Actions = {
	save: formAction(({ app, actor, data, event }) => saveConnector(app.db, actor, event.params.id ?? '', data)),
	sync: formAction(async ({ app, actor, data, event }) => {
		const r = await requestSync(app.db, actor, event.params.id ?? '', data);
		app.sync.nudge();
		return r;
	}),
	remove: formAction(({ app, actor, data, event }) => removeConnector(app.db, actor, event.params.id ?? '', data))
};
