/**
 * `Content-Disposition: attachment` with the file's name as RFC 6266 wants
 * it: `filename` an ASCII fallback (quoted, no quote or backslash in it) for
 * old clients, `filename*` the exact name in UTF-8, percent-encoded by RFC
 * 5987 (every browser since 2011 prefers it).
 */
export function attachmentDisposition(fileName: string): string {
	const ascii = fileName
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\x20-\x7e]/g, '_')
		.replace(/["\\%]/g, '_');
	const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A file to download: never rendered by the browser, never sniffed, never cached by a shared cache. */
export function downloadResponse(file: { bytes: Uint8Array; fileName: string; contentType: string; sha256?: string }): Response {
	return new Response(file.bytes as BodyInit, {
		headers: {
			'content-type': file.contentType,
			'content-length': String(file.bytes.byteLength),
			'content-disposition': attachmentDisposition(file.fileName),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store',
			...(file.sha256 ? { etag: `"${file.sha256}"` } : {})
		}
	});
}
