import { getLocale } from '$lib/paraglide/runtime';
import { exportLocale } from '$lib/server/domain/exports/export-locale';
import { getCustomer } from '$lib/server/domain/tenancy/customers.service';
import { slaReportPdf } from '$lib/server/domain/portal/sla-pdf';
import { portalSlaReport } from '$lib/server/domain/portal/sla-portal.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => {
	const report = await portalSlaReport(app.db, actor, event.params.id!, event.url.searchParams.get('period'));
	const customer = await getCustomer(app.db, actor, event.params.id!);
	const pdf = await slaReportPdf(report, customer.name, exportLocale(event.url, getLocale()));
	return new Response(pdf as unknown as BodyInit, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="sla-${report.period.key}.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
});
