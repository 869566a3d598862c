/**
 * A named lease across instances: one row in worker_leases with its owner and
 * expiry. Claiming is one atomic upsert (INSERT … ON CONFLICT DO UPDATE …
 * WHERE the lease ran out or is already ours … RETURNING), the same on SQLite
 * and PostgreSQL: of two instances claiming at once exactly one gets a row
 * back. The holder renews it while it works; a holder killed with -9 stops
 * renewing and any instance takes the lease over once it expired.
 */
import type { Executor } from '$lib/server/db';

export interface LeaseClaim {
	name: string;
	owner: string;
	now: Date;
	ms: number;
}

/** Whether `owner` now holds the lease `name` (for `ms` from `now`). */
export async function claimLease(db: Executor, { name, owner, now, ms }: LeaseClaim): Promise<boolean> {
	const at = now.toISOString();
	const expires_at = new Date(now.getTime() + ms).toISOString();
	const row = await db
		.insertInto('worker_leases')
		.values({ name, owner, expires_at })
		.onConflict((oc) =>
			oc
				.column('name')
				.doUpdateSet({ owner, expires_at })
				.where((eb) => eb.or([eb('worker_leases.expires_at', '<=', at), eb('worker_leases.owner', '=', owner)]))
		)
		.returning('owner')
		.executeTakeFirst();
	return row?.owner === owner;
}

/** Extends a lease still ours; false when it is not (it ran out and another took it). */
export async function renewLease(db: Executor, { name, owner, now, ms }: LeaseClaim): Promise<boolean> {
	const r = await db
		.updateTable('worker_leases')
		.set({ expires_at: new Date(now.getTime() + ms).toISOString() })
		.where('name', '=', name)
		.where('owner', '=', owner)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1;
}

export async function releaseLease(db: Executor, name: string, owner: string): Promise<void> {
	await db.deleteFrom('worker_leases').where('name', '=', name).where('owner', '=', owner).execute();
}
