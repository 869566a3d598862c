import { describe, expect, it } from 'vitest';
import { formatBytes } from './format';

describe('formatBytes', () => {
	it('shows sizes as file managers do (1 kB = 1024 bytes), in Swedish by default', () => {
		expect(formatBytes(820)).toMatch(/^820\sB$/);
		expect(formatBytes(14 * 1024)).toMatch(/^14\skB$/);
		expect(formatBytes(2.4 * 1024 * 1024)).toMatch(/^2,4\sMB$/);
		// the default upload limit reads as the README states it
		expect(formatBytes(25 * 1024 * 1024)).toMatch(/^25\sMB$/);
	});
});
