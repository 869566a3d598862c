import { getLocale } from '$lib/paraglide/runtime';
import { exportLocale } from '$lib/server/domain/exports/export-locale';
import { exportResponse } from '$lib/server/domain/exports/export-format';
import { exportMinutes } from '$lib/server/domain/exports/minutes-export.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) =>
	exportResponse(await exportMinutes(app.db, actor, event.params.id!, event.url.searchParams.get('format') ?? 'pdf', exportLocale(event.url, getLocale())))
);
