import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { app } from '$lib/server/app';

/** 200 when the database answers; 503 otherwise. For load balancers and monitors. */
export async function GET() {
	try {
		const { db } = await app();
		await sql`select 1`.execute(db);
		return json({ status: 'ok' });
	} catch {
		return json({ status: 'unavailable' }, { status: 503 });
	}
}
