import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limiter';

describe('LoginLimiter requests about an address (password reset)', () => {
	it('counts per address whoever asks, and per IP whatever the address', async () => {
		const limiter = new LoginLimiter({ perAccountAndIp: 3, perIp: 5, windowSeconds: 60 });
		for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) {
			expect(await limiter.retryAfterRequest('Anna@Norrby.example', ip)).toBe(0);
			await limiter.recordRequest('anna@norrby.example', ip);
		}
		// the address is held up from any IP, in any case of letters
		expect(await limiter.retryAfterRequest('anna@norrby.example', '10.0.0.9')).toBeGreaterThan(0);
		expect(await limiter.retryAfterRequest('ANNA@norrby.example', '10.0.0.9')).toBeGreaterThan(0);
		// another address from a fresh IP is not
		expect(await limiter.retryAfterRequest('bo@norrby.example', '10.0.0.9')).toBe(0);
		// one IP asking about many addresses is held up at perIp
		for (let i = 0; i < 5; i++) await limiter.recordRequest(`x${i}@norrby.example`, '10.0.0.7');
		expect(await limiter.retryAfterRequest('new@norrby.example', '10.0.0.7')).toBeGreaterThan(0);
	});

	it('keeps sign-in failures apart from requests', async () => {
		const limiter = new LoginLimiter({ perAccountAndIp: 2, perIp: 50, windowSeconds: 60 });
		await limiter.recordRequest('anna@norrby.example', '10.0.0.1');
		await limiter.recordRequest('anna@norrby.example', '10.0.0.1');
		expect(await limiter.retryAfter('anna@norrby.example', '10.0.0.1')).toBe(0);
	});
});
