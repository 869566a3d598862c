/**
 * Sends one file of decision material to the API with upload progress
 * (XMLHttpRequest: fetch has no upload progress). New material, or a new
 * version of one when `materialId` is given. The server checks the name, the
 * size and the bytes; its refusal comes back as the user's-language text.
 */
import { apiErrorText, type ApiError } from '$lib/i18n/error-message';
import { m } from '$lib/paraglide/messages';

export interface UploadTarget {
	meetingId: string;
	/** a new version of this material; absent: new material */
	materialId?: string;
	agendaItemId?: string;
	internal?: boolean;
}

export function uploadMaterialFile(file: File, target: UploadTarget, onProgress: (fraction: number) => void): Promise<void> {
	const query = new URLSearchParams({ fileName: file.name });
	if (!target.materialId && target.agendaItemId) query.set('agendaItemId', target.agendaItemId);
	if (!target.materialId && target.internal) query.set('internal', 'true');
	const base = `/api/v1/meetings/${target.meetingId}/material`;
	const url = target.materialId ? `${base}/${target.materialId}/versions?${query}` : `${base}?${query}`;
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', url);
		xhr.setRequestHeader('content-type', 'application/octet-stream');
		xhr.upload.onprogress = (e) => onProgress(e.lengthComputable && e.total > 0 ? e.loaded / e.total : 0);
		xhr.onerror = () => reject(new Error(m.lifecycle_err_generic()));
		xhr.onload = () => {
			if (xhr.status === 201) return resolve();
			if (xhr.status === 413) return reject(new Error(m.material_err_too_large()));
			let error: ApiError | undefined;
			try {
				error = (JSON.parse(xhr.responseText) as { error?: ApiError }).error;
			} catch {
				// not JSON: a proxy's page
			}
			reject(new Error(apiErrorText(error, `HTTP ${xhr.status}`)));
		};
		onProgress(0);
		xhr.send(file);
	});
}
