import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { logout } from '$lib/server/domain/tenancy/auth.service';
import { clearSessionCookie, readSessionCookie } from '$lib/server/http/session-cookie';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ cookies, url }) => {
		const { db } = await app();
		await logout(db, readSessionCookie(cookies));
		clearSessionCookie(cookies, url);
		redirect(303, '/login');
	}
};
