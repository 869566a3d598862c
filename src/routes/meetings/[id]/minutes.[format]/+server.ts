/** GET /meetings/{id}/minutes.pdf | .html | .md: the approved minutes as a file (session cookie). */
import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { DomainError } from '$lib/server/domain/errors';
import { exportLocale } from '$lib/server/domain/exports/export-locale';
import { exportResponse, isExportFormat } from '$lib/server/domain/exports/export-format';
import { exportMinutes } from '$lib/server/domain/exports/minutes-export.service';
import { requireActor } from '$lib/server/http/forms';
import { statusOf } from '$lib/server/http/errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	if (!isExportFormat(event.params.format)) error(404, 'Not found');
	try {
		const { db } = await app();
		return exportResponse(await exportMinutes(db, actor, event.params.id, event.params.format, exportLocale(event.url, getLocale())));
	} catch (err) {
		if (err instanceof DomainError) error(statusOf(err.code), err.message);
		throw err;
	}
};
