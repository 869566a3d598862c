import type { Access, Party } from '$lib/domain-types';

/**
 * Who is acting. Built the same way from a session cookie (HTTP, websocket
 * upgrade, socket.io handshake) or, later, an API token.
 */
export interface Actor {
	personId: string;
	name: string;
	email: string;
	access: Access;
	/** null for the supplier's own staff */
	customerId: string | null;
	/** set when the actor is an API token: it may do only what its scopes allow (see policy.ts) */
	token?: { id: string; scopes: readonly string[] };
}

export const isSupplier = (actor: Pick<Actor, 'access'>): boolean =>
	actor.access === 'supplier_admin' || actor.access === 'supplier_staff';

/** The side a person sits on: the supplier's staff, or a customer's people. */
export const partyOf = (actor: Actor): Party => (isSupplier(actor) ? 'supplier' : 'customer');

/** Used by bootstrap and the demo loader, never by a request. */
export const SYSTEM_ACTOR: Actor = {
	personId: 'system',
	name: 'System',
	email: 'system@localhost',
	access: 'supplier_admin',
	customerId: null
};
