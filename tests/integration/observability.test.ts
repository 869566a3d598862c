/**
 * What an operator's monitoring reads: /healthz for the load balancer and
 * /metrics for Prometheus (off without METRICS_TOKEN, and only for the
 * scraper that sends it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { onPostgres } from '../helpers/test-db';

const TOKEN = 'metrics-token-for-tests-0123456789';
let withMetrics: TestServer;
let without: TestServer;

beforeAll(async () => {
	[withMetrics, without] = await Promise.all([startServer({ env: { METRICS_TOKEN: TOKEN, INSTANCE_ID: 'obs-1' } }), startServer()]);
});

afterAll(async () => {
	await Promise.all([withMetrics?.stop(), without?.stop()]);
});

describe('health', () => {
	it('answers 200 with the database engine, the Redis state and the instance', async () => {
		const res = await fetch(`${withMetrics.url}/healthz`);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ status: 'ok', database: onPostgres() ? 'postgres' : 'sqlite', redis: 'not used', instance: 'obs-1' });
	});
});

describe('metrics', () => {
	it('is not there without METRICS_TOKEN', async () => {
		expect((await fetch(`${without.url}/metrics`)).status).toBe(404);
		expect((await fetch(`${without.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
	});

	it('refuses a missing or wrong token', async () => {
		expect((await fetch(`${withMetrics.url}/metrics`)).status).toBe(401);
		expect((await fetch(`${withMetrics.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
		expect((await fetch(`${withMetrics.url}/metrics`, { headers: { authorization: TOKEN } })).status).toBe(401);
	});

	it('gives the scraper Prometheus text with process and app metrics, labelled with the instance', async () => {
		const res = await fetch(`${withMetrics.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
		const text = await res.text();
		expect(text).toMatch(/^# TYPE samverkan_collab_loaded_documents gauge$/m);
		expect(text).toMatch(/^samverkan_collab_loaded_documents\{instance="obs-1"\} 0$/m);
		expect(text).toMatch(/^samverkan_redis_connected\{instance="obs-1"\} 1$/m);
		expect(text).toMatch(/^# TYPE samverkan_collab_published_updates_total counter$/m);
		expect(text).toMatch(/^samverkan_process_resident_memory_bytes\{instance="obs-1"\} \d+/m);
	});
});
