import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	actor: locals.actor
		? { name: locals.actor.name, email: locals.actor.email, access: locals.actor.access, customerId: locals.actor.customerId }
		: null
});
