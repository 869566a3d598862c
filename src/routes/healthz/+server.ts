import { json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { pingDatabase } from '$lib/server/db';
import { dialectOf } from '$lib/server/db/dialect';
import { instanceId } from '$lib/server/redis/connection';

/**
 * For load balancers and monitors: 200 while the database answers, 503
 * otherwise. Redis being away does not take an instance out of the pool: it
 * keeps serving its own clients and heals from the database when Redis is back
 * (docs/deployment.md), so it is reported, not failed on.
 */
export async function GET() {
	try {
		const { db, documents } = await app();
		await pingDatabase(db);
		const fanout = documents.metrics();
		return json({
			status: 'ok',
			database: dialectOf(db),
			redis: fanout.distributed ? (fanout.redisConnected ? 'connected' : 'disconnected') : 'not used',
			instance: instanceId()
		});
	} catch {
		return json({ status: 'unavailable' }, { status: 503 });
	}
}
