/** An iCalendar body as an HTTP response: a file to open (invitation) or a feed to subscribe to. */
export function icsResponse(body: string, opts: { fileName?: string } = {}): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			...(opts.fileName ? { 'content-disposition': `attachment; filename="${opts.fileName}"` } : {}),
			'cache-control': 'private, no-cache'
		}
	});
}
