import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

const origin = 'https://samverkan.example.se';

/** What a browser does with the Location header: where it would go. */
const followed = (location: string) => new URL(location, origin);

describe('safeNext', () => {
	it.each([
		['/\\evil.example'],
		['/%09/evil.example'],
		['/\t/evil.example'],
		['/\t/evil'],
		['//evil.example'],
		['///evil.example'],
		['\\\\evil.example'],
		['\\/evil.example'],
		['/\\/evil.example'],
		['/\n/evil.example'],
		['/\r\n/evil.example'],
		['/\u0000/evil.example'],
		[' //evil.example'],
		['/.//evil.example'],
		['/..//evil.example'],
		['/x/../..//evil.example'],
		['https://evil.example'],
		['https://evil.example/meetings'],
		['https:evil.example'],
		['http://samverkan.example.se/'],
		['https://samverkan.example.se@evil.example/'],
		['javascript:alert(1)'],
		['JaVaScRiPt:alert(1)'],
		['\tjavascript:alert(1)'],
		['data:text/html,<script>alert(1)</script>']
	])('%j goes to a path on this site', (next) => {
		const location = safeNext(next, origin);
		expect(location.startsWith('/') && !location.startsWith('//') && !location.startsWith('/\\')).toBe(true);
		expect(location).not.toMatch(/[\p{Cc}\s]/u);
		expect(followed(location).origin).toBe(origin);
	});

	it.each([
		['/%5Cevil.example', '/%5Cevil.example'],
		['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
		['/%2f/evil.example', '/%2f/evil.example']
	])('%j stays an encoded path on this site', (next, expected) => {
		expect(safeNext(next, origin)).toBe(expected);
	});

	it.each([
		['/meetings/5?x=1#y', '/meetings/5?x=1#y'],
		['/', '/'],
		['/customers/7/portal/kb?q=vpn%20klient', '/customers/7/portal/kb?q=vpn%20klient'],
		['/möten/å', '/m%C3%B6ten/%C3%A5'],
		['https://samverkan.example.se/meetings/5', '/meetings/5']
	])('%j is kept', (next, expected) => {
		expect(safeNext(next, origin)).toBe(expected);
	});

	it('falls back to the start page without a value', () => {
		expect(safeNext(null, origin)).toBe('/');
		expect(safeNext('', origin)).toBe('/');
		expect(safeNext(undefined, origin)).toBe('/');
	});
});
