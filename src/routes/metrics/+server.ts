import { error } from '@sveltejs/kit';
import { timingSafeEqual } from 'node:crypto';
import { app } from '$lib/server/app';
import { config } from '$lib/server/config';
import { appMetrics } from '$lib/server/observability/app-metrics';
import type { RequestHandler } from './$types';

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Prometheus metrics of this instance. Off unless METRICS_TOKEN is set, and
 * then only for a scraper that sends it: the numbers say nothing about
 * customers, but they are nobody else's business either.
 */
export const GET: RequestHandler = async ({ request }) => {
	const token = config().METRICS_TOKEN;
	if (!token) error(404, 'Not found');
	const sent = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
	if (!same(sent, token)) return new Response('Unauthorized', { status: 401, headers: { 'www-authenticate': 'Bearer' } });
	const registry = appMetrics(await app());
	return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
};
