/**
 * The formats approved minutes are exported in and an export's HTTP
 * response: what the page route, the API and the mails share. Pure; who may
 * export is decided by minutes-export.service.ts.
 */
export const EXPORT_FORMATS = ['pdf', 'html', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
	body: Uint8Array | string;
	contentType: string;
	fileName: string;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
	pdf: 'application/pdf',
	html: 'text/html; charset=utf-8',
	md: 'text/markdown; charset=utf-8'
};

export const isExportFormat = (v: string | null | undefined): v is ExportFormat => EXPORT_FORMATS.includes(v as ExportFormat);

/** The HTTP response of an export: PDF and Markdown download, HTML opens (and prints) in the browser. */
export function exportResponse(file: ExportedFile): Response {
	const disposition = file.contentType.startsWith('text/html') ? 'inline' : 'attachment';
	return new Response(file.body as BodyInit, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `${disposition}; filename="${file.fileName}"`,
			// An HTML export is a document, never an app: no scripts, nothing loaded from elsewhere.
			'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
			'cache-control': 'private, no-store'
		}
	});
}
