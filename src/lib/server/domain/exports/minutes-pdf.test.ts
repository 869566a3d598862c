import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { sampleMinutes } from './minutes-fixture';
import { minutesToPdf } from './minutes-pdf';

async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number; info: Record<string, unknown> }> {
	const parser = new PDFParse({ data: bytes });
	try {
		const text = await parser.getText();
		const info = await parser.getInfo();
		return { text: text.text, pages: text.total, info: info.info as Record<string, unknown> };
	} finally {
		await parser.destroy();
	}
}

// Rendering and parsing PDFs is slow on a busy machine.
describe('minutesToPdf', { timeout: 20_000 }, () => {
	it('renders header, decisions, actions and Swedish letters as extractable text', async () => {
		const bytes = await minutesToPdf(sampleMinutes(), 'sv');
		expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
		const { text, info } = await pdfText(bytes);
		expect(text).toContain('Norrby kommun');
		expect(text).toContain('Taktiskt forum');
		expect(text).toContain('15 januari 2026');
		// 08:00Z in January is 09:00 in Stockholm
		expect(text).toContain('09:00–10:30');
		expect(text).toContain('Stadshuset, sal Älven');
		expect(text).toContain('Beslut 1: Beslut om ny åtgärdsplan för överföring');
		expect(text).toContain('Ta fram åtgärdsplan för säkerhetskopior');
		expect(text).toContain('Åsa Öberg');
		expect(text).toContain('Jörgen Ärlig');
		expect(text).toContain('Anmält förhinder');
		expect(text).toContain('Sida 1 av');
		expect(info.Title).toBe('Protokoll: Tertialmöte <script>alert(1)</script>');
	});

	it('embeds its fonts and declares PDF/A-2b with metadata', async () => {
		const bytes = await minutesToPdf(sampleMinutes(), 'en', { createdAt: new Date('2026-01-17T08:00:00Z') });
		const raw = Buffer.from(bytes).toString('latin1');
		expect(raw).toMatch(/\/FontFile2/);
		expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
		expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
		expect(raw).toContain('/OutputIntents');
		const { text } = await pdfText(bytes);
		expect(text).toContain('Decision 1:');
		expect(text).toContain('Page 1 of');
		expect(text).toContain('Tactical forum');
	});

	it('numbers every page of a long document', async () => {
		const many = Array.from({ length: 80 }, (_, i) => ({
			id: `a${i}`,
			title: `Aktivitet nummer ${i} med en lång text som bryts över raden i tabellen`,
			description: '',
			ownerName: 'Åsa Öberg',
			ownerSide: 'supplier' as const,
			dueDate: '2026-03-01',
			status: 'open' as const
		}));
		const model = sampleMinutes();
		model.actions.open = many;
		const { text, pages } = await pdfText(await minutesToPdf(model, 'sv'));
		expect(pages).toBeGreaterThan(2);
		expect(text).toContain(`Sida ${pages} av ${pages}`);
		expect(text).toContain('Aktivitet nummer 79');
	}, 30_000);

	it('writes the figures\' numbers the Swedish way: decimal comma, space between thousands', async () => {
		const model = sampleMinutes();
		model.figures[0].rows.push(['MTTR P3', 8020.3]);
		const { text } = await pdfText(await minutesToPdf(model, 'sv'));
		expect(text).not.toContain('8020.3');
		expect(text.replace(/\s+/g, ' ')).toContain('8 020,3');
		expect(text).toContain('0,97');
	}, 30_000);
});
