import { getLocale } from '$lib/paraglide/runtime';
import { exportLocale } from '$lib/server/domain/exports/export-locale';
import { invoicingReport } from '$lib/server/domain/agreement/follow-up.service';
import { agreementReportPdf } from '$lib/server/domain/portal/agreement-export';
import { getCustomer } from '$lib/server/domain/tenancy/customers.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => {
	const q = event.url.searchParams;
	const report = await invoicingReport(app.db, actor, event.params.id!, { from: q.get('from') ?? undefined, to: q.get('to') ?? undefined });
	const customer = await getCustomer(app.db, actor, event.params.id!);
	const pdf = await agreementReportPdf(report, customer.name, exportLocale(event.url, getLocale()));
	return new Response(pdf as unknown as BodyInit, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="avtal-${report.from}-${report.to}.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
});
