import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { importCsv } from '$lib/server/domain/itsm/import/import.service';
import { authed } from '$lib/server/http/api';

/**
 * The body is the file itself (CSV, or gzip of it); the options are query
 * parameters. The body is read as a stream, after the caller's right to
 * import is checked, and never held whole (import.service.ts). One
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
		dryRun: q.has('dryRun') ? q.get('dryRun') === 'true' : undefined
	};
	const body = event.request.body;
	const file: AsyncIterable<Uint8Array> = body ? Readable.fromWeb(body as unknown as NodeReadableStream<Uint8Array>) : Readable.from([]);
	return { report: await importCsv(app.db, actor, event.params.id!, file, options) };
});
