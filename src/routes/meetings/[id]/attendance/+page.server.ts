/**
 * The attendance form of the meeting page posts here, so the meeting page's
 * own actions stay untouched. Without JavaScript the browser comes back to
 * the meeting page; with it, `use:enhance` follows the redirect and reloads
 * the page's data.
 */
import { redirect } from '@sveltejs/kit';
import { markAttendance } from '$lib/server/domain/meetings/attendance.service';
import { formAction } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => redirect(303, `/meetings/${params.id}#attendance`);

export const actions: Actions = {
	mark: async (event) => {
		const result = await formAction(async ({ app, actor, data }) => {
			// one radio group per invitee, named status.<personId>; "" clears a mark
			const entries = Object.entries(data)
				.filter(([k]) => k.startsWith('status.'))
				.map(([k, v]) => ({ personId: k.slice('status.'.length), status: v === '' ? null : v }));
			return markAttendance(app.db, actor, event.params.id, { entries });
		})(event);
		if (result && 'ok' in result && result.ok) redirect(303, `/meetings/${event.params.id}#attendance`);
		return result;
	}
};
