/**
 * Brute-force protection for login: failures are counted per e-mail+IP and per
 * IP. In memory for the single-process default; in Redis when several app
 * instances run (REDIS_URL), so failures on one instance count on all.
 */
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface LoginLimits {
	perAccountAndIp: number;
	perIp: number;
	windowSeconds: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccountAndIp: 5, perIp: 50, windowSeconds: 15 * 60 };

/** Counts shared by every instance: a Redis connection and the installation's key prefix. */
export interface SharedLimits {
	redis: Redis;
	prefix: string;
}

export class LoginLimiter {
	private readonly byAccount: RateLimiterAbstract;
	private readonly byIp: RateLimiterAbstract;

	/** `scope` names what is counted (sign-in, password-reset requests, two-factor codes): each its own counts. */
	constructor(limits: LoginLimits = DEFAULT_LOGIN_LIMITS, shared?: SharedLimits, scope = 'login') {
		this.byAccount = limiter(limits.perAccountAndIp, limits.windowSeconds, shared && { ...shared, name: `${scope}:account` });
		this.byIp = limiter(limits.perIp, limits.windowSeconds, shared && { ...shared, name: `${scope}:ip` });
	}

	/** Seconds to wait, or 0 when a login attempt may proceed. */
	async retryAfter(email: string, ip: string, accountKey = key(email, ip)): Promise<number> {
		const [account, addr] = await Promise.all([this.byAccount.get(accountKey), this.byIp.get(ip)]);
		const blocked = [
			[account, this.byAccount.points],
			[addr, this.byIp.points]
		] as const;
		let wait = 0;
		for (const [res, points] of blocked) {
			if (res && res.consumedPoints >= points) wait = Math.max(wait, Math.ceil(res.msBeforeNext / 1000));
		}
		return wait;
	}

	async recordFailure(email: string, ip: string): Promise<void> {
		await Promise.all([
			this.byAccount.consume(key(email, ip)).catch(ignoreLimit),
			this.byIp.consume(ip).catch(ignoreLimit)
		]);
	}

	/**
	 * For requests anyone may make about an address (a password reset): counted
	 * per address alone, whoever asks, and per IP. Seconds to wait, or 0.
	 */
	async retryAfterRequest(address: string, ip: string): Promise<number> {
		return this.retryAfter(address.toLowerCase(), ip, address.toLowerCase());
	}

	async recordRequest(address: string, ip: string): Promise<void> {
		await Promise.all([this.byAccount.consume(address.toLowerCase()).catch(ignoreLimit), this.byIp.consume(ip).catch(ignoreLimit)]);
	}

	/** An attempt that counts whatever its outcome (starting a sign-in elsewhere): per e-mail+IP and per IP, as failures are. */
	async recordAttempt(email: string, ip: string): Promise<void> {
		await this.recordFailure(email, ip);
	}

	async recordSuccess(email: string, ip: string): Promise<void> {
		await this.byAccount.delete(key(email, ip));
	}
}

function limiter(points: number, duration: number, shared?: SharedLimits & { name: string }): RateLimiterAbstract {
	const memory = new RateLimiterMemory({ points, duration });
	if (!shared) return memory;
	return new RateLimiterRedis({
		storeClient: shared.redis,
		keyPrefix: `${shared.prefix}:${shared.name}`,
		points,
		duration,
		// Redis away: count in this process meanwhile rather than let sign-in wait or fail.
		rejectIfRedisNotReady: true,
		insuranceLimiter: memory
	});
}

const key = (email: string, ip: string) => `${email.toLowerCase()}|${ip}`;

function ignoreLimit(err: unknown) {
	if (!(err instanceof RateLimiterRes)) throw err;
}
