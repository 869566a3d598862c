import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
	it('gives an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987)', () => {
		expect(attachmentDisposition('Underlag för beslut (v2).pdf')).toBe(
			`attachment; filename="Underlag for beslut (v2).pdf"; filename*=UTF-8''Underlag%20f%C3%B6r%20beslut%20%28v2%29.pdf`
		);
	});

	it('keeps quotes, backslashes and percent signs out of the quoted fallback', () => {
		const header = attachmentDisposition('a"b\\c%d.pdf');
		expect(header).toContain('filename="a_b_c_d.pdf"');
		expect(header).toContain("filename*=UTF-8''a%22b%5Cc%25d.pdf");
		expect(header).not.toMatch(/[\r\n]/);
	});

	it('replaces characters without an ASCII form in the fallback', () => {
		expect(attachmentDisposition('会議.pdf')).toContain('filename="__.pdf"');
	});
});
