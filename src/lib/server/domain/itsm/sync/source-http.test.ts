import { describe, expect, it } from 'vitest';
import { backoffMs, retryAfterMs, SourceHttp, SyncError, type HttpPolicy, type HttpTools } from './source-http';

const POLICY: HttpPolicy = { timeoutMs: 1000, maxRetries: 3, retryBaseMs: 100, maxRetryAfterMs: 10_000, perMinute: 1000 };

/** A fake clock and a scripted server: each answer in turn; sleeps move the clock. */
function scripted(answers: (() => Response)[], random = () => 1) {
	let now = 0;
	const slept: number[] = [];
	const asked: number[] = [];
	const tools: HttpTools = {
		now: () => now,
		random,
		sleep: async (ms) => {
			slept.push(ms);
			now += ms;
		},
		fetch: async () => {
			asked.push(now);
			const next = answers.shift();
			if (!next) throw new Error('no more answers');
			return next();
		}
	};
	return { tools, slept, asked };
}

const json = (status: number, body: unknown = { result: [] }, headers: Record<string, string> = {}) => () => new Response(JSON.stringify(body), { status, headers });

describe('SourceHttp', () => {
	it('waits out a 429 for as long as Retry-After says', async () => {
		const s = scripted([json(429, {}, { 'retry-after': '2' }), json(200)]);
		const http = new SourceHttp(POLICY, s.tools);
		expect((await http.json('http://127.0.0.1/x')).body).toEqual({ result: [] });
		expect(s.slept).toEqual([2000]);
		expect([http.requests, http.retries]).toEqual([2, 1]);
	});

	it('backs off exponentially with full jitter on 5xx and network errors, then gives up in words', async () => {
		const boom = () => {
			throw new TypeError('fetch failed');
		};
		const s = scripted([json(503), boom, json(500), json(502)], () => 0.5);
		const http = new SourceHttp(POLICY, s.tools);
		await expect(http.json('http://127.0.0.1/x')).rejects.toThrow(/127\.0\.0\.1 answered 502 \(4 attempts\)/);
		expect(s.slept).toEqual([50, 100, 200]);
		expect(backoffMs(10, 100, () => 1)).toBe(60_000);
	});

	it('refuses at once, in words: 401, 403, 404, not JSON; a Retry-After beyond the limit fails the run', async () => {
		const cases: [() => Response, RegExp][] = [
			[json(401), /refused the credentials \(401\)/],
			[json(403), /refused access \(403\): the integration user lacks the rights to read \/x/],
			[json(404), /No such API at http:\/\/127\.0\.0\.1\/x \(404\): check the base URL/],
			[() => new Response('<html>login</html>', { status: 200 }), /not JSON/],
			[json(429, {}, { 'retry-after': '3600' }), /asked to wait 3600 s/]
		];
		for (const [answer, words] of cases) {
			const s = scripted([answer]);
			const err = await new SourceHttp(POLICY, s.tools).json('http://127.0.0.1/x').catch((e: unknown) => e);
			expect(err).toBeInstanceOf(SyncError);
			expect((err as Error).message).toMatch(words);
			expect(s.asked).toHaveLength(1);
		}
	});

	it('keeps to its cap of requests per minute', async () => {
		const s = scripted(Array.from({ length: 5 }, () => json(200)));
		const http = new SourceHttp({ ...POLICY, perMinute: 2 }, s.tools);
		for (let i = 0; i < 5; i++) await http.json('http://127.0.0.1/x');
		expect(s.asked).toEqual([0, 0, 60_000, 60_000, 120_000]);
	});

	it('reads Retry-After as seconds or an HTTP date', () => {
		expect(retryAfterMs('2', 0)).toBe(2000);
		expect(retryAfterMs(new Date(5000).toUTCString(), 0)).toBe(5000);
		expect(retryAfterMs('soon', 0)).toBeNull();
		expect(retryAfterMs(null, 0)).toBeNull();
	});
});
