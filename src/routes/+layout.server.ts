import { isSupplier } from '$lib/server/domain/actor';
import { can } from '$lib/server/domain/policy';
import { unreadCount } from '$lib/server/domain/notifications/inbox.service';
import { app } from '$lib/server/app';
import type { LayoutServerLoad } from './$types';

/**
 * Who is signed in, and the one answer every page reads for "is this the
 * supplier's side" and "may this person open the installation's administration"
 * (the same rule the admin page authorizes with). Pages read these from
 * `page.data` / their `data` prop; no route looks at access strings itself.
 */
export const load: LayoutServerLoad = async ({ locals }) => {
	const actor = locals.actor;
	return {
		actor: actor ? { name: actor.name, email: actor.email, customerId: actor.customerId } : null,
		isSupplier: actor ? isSupplier(actor) : false,
		isAdmin: actor ? can(actor, 'catalogue.manage') : false,
		// the bell's count when the page loads; the bell keeps it live after that
		unread: actor && !actor.token ? await unreadCount((await app()).db, actor) : 0
	};
};
