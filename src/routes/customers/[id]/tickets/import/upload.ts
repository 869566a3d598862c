/**
 * Sends a file to the import endpoint with upload progress. Files are gzipped
 * in the browser first (CompressionStream): the 46 MB UCI log becomes 2.4 MB.
 * XMLHttpRequest, because fetch has no upload progress.
 */
import { apiErrorText, type ApiError } from '$lib/i18n/error-message';
// Type-only: erased at build time, so no server code reaches the browser.
import type { ImportReport } from '$lib/server/domain/itsm/import/import-report';
export type { ImportReport };

type Phase = 'compressing' | 'uploading' | 'processing';

async function gzip(file: File): Promise<Blob> {
	const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
	// already gzip, or no CompressionStream (old browsers): send as it is
	if ((head[0] === 0x1f && head[1] === 0x8b) || typeof CompressionStream === 'undefined') return file;
	return new Response(file.stream().pipeThrough(new CompressionStream('gzip'))).blob();
}

export async function uploadImport(opts: {
	customerId: string;
	file: File;
	query: Record<string, string>;
	onPhase: (phase: Phase, fraction: number) => void;
}): Promise<ImportReport> {
	opts.onPhase('compressing', 0);
	const body = await gzip(opts.file);
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', `/api/v1/customers/${opts.customerId}/tickets/import?${new URLSearchParams(opts.query)}`);
		xhr.setRequestHeader('content-type', 'application/octet-stream');
		xhr.upload.onprogress = (e) => opts.onPhase('uploading', e.lengthComputable ? e.loaded / e.total : 0);
		xhr.upload.onload = () => opts.onPhase('processing', 1);
		xhr.onerror = () => reject(new Error('Network error'));
		xhr.onload = () => {
			let parsed: { report?: ImportReport; error?: ApiError } = {};
			try {
				parsed = JSON.parse(xhr.responseText);
			} catch {
				return reject(new Error(`HTTP ${xhr.status}`));
			}
			if (xhr.status === 200 && parsed.report) resolve(parsed.report);
			else reject(new Error(apiErrorText(parsed.error, `HTTP ${xhr.status}`)));
		};
		opts.onPhase('uploading', 0);
		xhr.send(body);
	});
}
