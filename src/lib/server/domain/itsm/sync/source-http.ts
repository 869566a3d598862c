/**
 * The connectors' HTTP client, a polite one: a timeout on every request, a cap
 * on requests per minute, 429 waited out for as long as Retry-After says (up
 * to a limit), exponential backoff with full jitter on 5xx and network errors,
 * and every other failure turned into an error in words for the connector's
 * page. The clock, the sleep and the dice are injectable for unit tests.
 */

export type SyncErrorKind = 'auth' | 'rights' | 'url' | 'answer' | 'rate' | 'network' | 'server' | 'config';

/** A run's failure, in words an admin can act on. */
export class SyncError extends Error {
	constructor(
		readonly kind: SyncErrorKind,
		message: string
	) {
		super(message);
		this.name = 'SyncError';
	}
}

export interface HttpPolicy {
	timeoutMs: number;
	/** retries after the first attempt, for 429, 5xx and network errors */
	maxRetries: number;
	/** the first backoff; each next one twice as long, with full jitter */
	retryBaseMs: number;
	/** a Retry-After longer than this fails the run (the next run tries again) */
	maxRetryAfterMs: number;
	/** requests per minute this connector may send */
	perMinute: number;
}

export const DEFAULT_HTTP_POLICY: HttpPolicy = { timeoutMs: 30_000, maxRetries: 5, retryBaseMs: 1_000, maxRetryAfterMs: 120_000, perMinute: 60 };

export interface HttpTools {
	sleep(ms: number): Promise<void>;
	now(): number;
	random(): number;
	fetch: typeof fetch;
}

const realTools: HttpTools = {
	sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
	now: () => Date.now(),
	random: Math.random,
	fetch: (...args) => fetch(...args)
};

export interface JsonAnswer {
	body: unknown;
	headers: Headers;
}

/** Largest answer read (a page of 1,000 records is a few MB). */
const MAX_ANSWER_CHARS = 64 * 1024 * 1024;

/** Seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | null {
	if (value === null) return null;
	const v = value.trim();
	if (/^\d+$/.test(v)) return Number(v) * 1000;
	const at = Date.parse(v);
	return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Full jitter: anywhere between 0 and base·2^attempt (attempt 0 is the first retry). */
export const backoffMs = (attempt: number, baseMs: number, random: () => number, capMs = 60_000): number =>
	Math.round(random() * Math.min(capMs, baseMs * 2 ** attempt));

const describe = (err: unknown): string => {
	if (err instanceof Error) {
		const cause = (err as Error & { cause?: unknown }).cause;
		const code = cause && typeof cause === 'object' && 'code' in cause ? ` (${String((cause as { code: unknown }).code)})` : '';
		return err.name === 'TimeoutError' ? 'no answer in time' : `${err.message}${code}`;
	}
	return String(err);
};

export class SourceHttp {
	requests = 0;
	retries = 0;
	private readonly sent: number[] = [];

	constructor(
		private readonly policy: HttpPolicy,
		private readonly tools: HttpTools = realTools
	) {}

	/** Waits until one more request fits into the last minute's cap. */
	private async slot(): Promise<void> {
		for (;;) {
			const now = this.tools.now();
			while (this.sent.length && this.sent[0] <= now - 60_000) this.sent.shift();
			if (this.sent.length < this.policy.perMinute) {
				this.sent.push(now);
				return;
			}
			await this.tools.sleep(this.sent[0] + 60_000 - now);
		}
	}

	/** A request whose answer must be JSON; throws SyncError. */
	async json(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<JsonAnswer> {
		const where = new URL(url);
		const host = where.host;
		for (let attempt = 0; ; attempt++) {
			await this.slot();
			this.requests++;
			let res: Response;
			try {
				res = await this.tools.fetch(url, {
					method: init.method ?? 'GET',
					headers: { accept: 'application/json', ...init.headers },
					body: init.body,
					redirect: 'error',
					signal: AbortSignal.timeout(this.policy.timeoutMs)
				});
			} catch (err) {
				if (attempt < this.policy.maxRetries) {
					await this.retry(attempt);
					continue;
				}
				throw new SyncError('network', `${host} could not be reached: ${describe(err)} (${attempt + 1} attempts)`);
			}
			if (res.status === 429) {
				await res.body?.cancel();
				const wait = retryAfterMs(res.headers.get('retry-after'), this.tools.now()) ?? backoffMs(attempt, this.policy.retryBaseMs, this.tools.random);
				if (wait > this.policy.maxRetryAfterMs) throw new SyncError('rate', `${host} asked to wait ${Math.ceil(wait / 1000)} s (429 Retry-After): the next run tries again`);
				if (attempt >= this.policy.maxRetries) throw new SyncError('rate', `${host} kept answering 429 Too Many Requests (${attempt + 1} attempts)`);
				this.retries++;
				await this.tools.sleep(wait);
				continue;
			}
			if (res.status >= 500) {
				await res.body?.cancel();
				if (attempt < this.policy.maxRetries) {
					await this.retry(attempt);
					continue;
				}
				throw new SyncError('server', `${host} answered ${res.status} (${attempt + 1} attempts)`);
			}
			if (res.status === 401) {
				await res.body?.cancel();
				throw new SyncError('auth', `${host} refused the credentials (401): check the user name and the secret`);
			}
			if (res.status === 403) {
				await res.body?.cancel();
				throw new SyncError('rights', `${host} refused access (403): the integration user lacks the rights to read ${where.pathname}`);
			}
			if (res.status === 404) {
				await res.body?.cancel();
				throw new SyncError('url', `No such API at ${where.origin}${where.pathname} (404): check the base URL`);
			}
			const text = await res.text();
			if (res.status >= 300) throw new SyncError('answer', `${host} answered ${res.status}: ${text.slice(0, 200)}`);
			if (text.length > MAX_ANSWER_CHARS) throw new SyncError('answer', `${host} sent an answer larger than ${MAX_ANSWER_CHARS / 1024 / 1024} MB`);
			try {
				return { body: JSON.parse(text) as unknown, headers: res.headers };
			} catch {
				throw new SyncError('answer', `${host} sent an answer that is not JSON (${where.pathname}): is the base URL the API's?`);
			}
		}
	}

	private async retry(attempt: number): Promise<void> {
		this.retries++;
		await this.tools.sleep(backoffMs(attempt, this.policy.retryBaseMs, this.tools.random));
	}
}
