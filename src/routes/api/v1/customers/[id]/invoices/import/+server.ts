import { importInvoiceCsv } from '$lib/server/domain/agreement/invoice-import.service';
import { authed, MAX_UPLOAD_BYTES, queryFlag } from '$lib/server/http/api';
import { streamedBody } from '$lib/server/http/request-body';
import { invalid } from '$lib/server/domain/errors';

/** The body is the billing system's CSV export; the options are query parameters (mapping: JSON of column names). */
export const POST = authed(async ({ app, actor, event }) => {
	const q = event.url.searchParams;
	let mapping: unknown;
	try {
		mapping = q.get('mapping') ? JSON.parse(q.get('mapping')!) : undefined;
	} catch {
		throw invalid('mapping is not JSON', { mapping: 'field.invalid' });
	}
	const options = { mapping, fileName: q.get('fileName') ?? undefined, dryRun: queryFlag(event.url, 'dryRun') };
	const body = streamedBody(event.request, MAX_UPLOAD_BYTES);
	try {
		return { report: await importInvoiceCsv(app.db, actor, event.params.id!, body.chunks, options) };
	} finally {
		body.discardRest();
	}
});
