import { importCsv } from '$lib/server/domain/itsm/import/ticket-import.service';
import { authed, MAX_UPLOAD_BYTES, queryFlag } from '$lib/server/http/api';
import { streamedBody } from '$lib/server/http/request-body';

/**
 * The body is the file itself (CSV, or gzip of it); the options are query
 * parameters. The body is read as a stream, after the caller's right to
 * import is checked, and never held whole (ticket-import.service.ts). One
 * transaction; the answer is the report. The import page uploads here too.
 */
export const POST = authed(async ({ app, actor, event }) => {
	const q = event.url.searchParams;
	const options = {
		preset: q.get('preset') ?? undefined,
		source: q.get('source') ?? undefined,
		dateOrder: q.get('dateOrder') ?? undefined,
		timeZone: q.get('timeZone') ?? undefined,
		mappingId: q.get('mappingId') ?? undefined,
		fileName: q.get('fileName') ?? undefined,
		dryRun: queryFlag(event.url, 'dryRun')
	};
	const body = streamedBody(event.request, MAX_UPLOAD_BYTES);
	try {
		return { report: await importCsv(app.db, actor, event.params.id!, body.chunks, options) };
	} finally {
		body.discardRest();
	}
});
