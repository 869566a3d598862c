import { getLocale } from '$lib/paraglide/runtime';
import { exportLocale } from '$lib/server/domain/exports/export-locale';
import { approveMinutes, lifecycleView } from '$lib/server/domain/meetings/lifecycle.service';
import { authed, readNoInput } from '$lib/server/http/api';

/** Justering by the chair or the adjuster; the second approval locks the minutes (figures frozen in `?lang=` or the caller's language). */
export const POST = authed(async ({ app, actor, event }) => {
	await readNoInput(event.request);
	const { approved, role } = await approveMinutes(app.db, app.documents, actor, event.params.id!, exportLocale(event.url, getLocale()));
	return { approved, role, lifecycle: await lifecycleView(app.db, actor, event.params.id!) };
});
