/**
 * What an operator's monitoring reads: /healthz for the load balancer and
 * /metrics for Prometheus (off without METRICS_TOKEN, and only for the
 * scraper that sends it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingMinutesDoc } from '$lib/realtime/doc-names';
import { ApiClient } from '../helpers/api-client';
import { connectClient, eventuallyAsync, synced } from '../helpers/collab-client';
import { minutesWriter } from '../helpers/minutes-writer';
import { startServer, type TestServer } from '../helpers/server';
import { onPostgres } from '../helpers/test-db';

const TOKEN = 'metrics-token-for-tests-0123456789';
let withMetrics: TestServer;
let without: TestServer;

beforeAll(async () => {
	[withMetrics, without] = await Promise.all([startServer({ demo: true, env: { METRICS_TOKEN: TOKEN, INSTANCE_ID: 'obs-1' } }), startServer()]);
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

	it('counts the minutes the projection read in its thread: the built server has one, and reads nothing on the event loop', async () => {
		const scrape = async () => (await fetch(`${withMetrics.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
		const count = (text: string, name: string) => Number(new RegExp(`^samverkan_${name}\\{instance="obs-1"\\} (\\d+)$`, 'm').exec(text)?.[1]);
		const before = await scrape();
		expect(count(before, 'collab_minutes_read_in_process_total')).toBe(0);
		const admin = await new ApiClient(withMetrics.url).login('admin@itmastaren.example');
		const customers = (await admin.json('GET', '/api/v1/customers')).body.customers as { id: string; name: string }[];
		const customerId = customers.find((c) => c.name.startsWith('Norrby'))!.id;
		const forumId = ((await admin.json('GET', `/api/v1/customers/${customerId}/forums`)).body.forums as { id: string }[])[0].id;
		const meeting = await admin.json('POST', `/api/v1/forums/${forumId}/meetings`, { title: 'Trådläsning', startsAt: '2031-04-10T09:00', endsAt: '2031-04-10T10:00' });
		const client = connectClient(withMetrics.url, meetingMinutesDoc(meeting.body.meeting.id), admin.sessionCookie, { connect: false });
		try {
			const writer = minutesWriter(client.doc);
			client.provider.connect();
			await synced(client);
			writer.appendDecision(crypto.randomUUID(), 'Protokollet läses i en egen tråd.');
			await client.flush();
			let decisions: { text: string }[] = [];
			await eventuallyAsync(async () => {
				decisions = (await admin.json('GET', `/api/v1/customers/${customerId}/decisions?q=tråd&status=all`)).body.decisions;
				return decisions.length > 0;
			}, 10_000, 'the decision in the register');
			expect(decisions.map((d) => d.text)).toEqual(['Protokollet läses i en egen tråd.']);
		} finally {
			client.destroy();
		}
		const after = await scrape();
		expect(count(after, 'collab_minutes_read_in_thread_total')).toBeGreaterThan(count(before, 'collab_minutes_read_in_thread_total'));
		expect(count(after, 'collab_minutes_read_in_process_total')).toBe(0);
	});
});
