import { importCsv } from '$lib/server/domain/itsm/import/import.service';
import { authed, MAX_UPLOAD_BYTES, queryFlag, readBody } from '$lib/server/http/api';

/**
 * The body is the file itself (CSV, or gzip of it); the options are query
 * parameters. One transaction; the answer is the report.
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
	const bytes = await readBody(event.request, MAX_UPLOAD_BYTES);
	return { report: await importCsv(app.db, actor, event.params.id!, bytes, options) };
});
