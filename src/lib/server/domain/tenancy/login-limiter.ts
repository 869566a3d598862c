/**
 * Brute-force protection for login: failures are counted per e-mail+IP and per
 * IP. In memory for the single-process default; a Redis-backed limiter of the
 * same library replaces it when scaling out.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface LoginLimits {
	perAccountAndIp: number;
	perIp: number;
	windowSeconds: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccountAndIp: 5, perIp: 50, windowSeconds: 15 * 60 };

export class LoginLimiter {
	private readonly byAccount: RateLimiterMemory;
	private readonly byIp: RateLimiterMemory;

	constructor(limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {
		this.byAccount = new RateLimiterMemory({ points: limits.perAccountAndIp, duration: limits.windowSeconds });
		this.byIp = new RateLimiterMemory({ points: limits.perIp, duration: limits.windowSeconds });
	}

	/** Seconds to wait, or 0 when a login attempt may proceed. */
	async retryAfter(email: string, ip: string): Promise<number> {
		const [account, addr] = await Promise.all([this.byAccount.get(key(email, ip)), this.byIp.get(ip)]);
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

	async recordSuccess(email: string, ip: string): Promise<void> {
		await this.byAccount.delete(key(email, ip));
	}
}

const key = (email: string, ip: string) => `${email.toLowerCase()}|${ip}`;

function ignoreLimit(err: unknown) {
	if (!(err instanceof RateLimiterRes)) throw err;
}
