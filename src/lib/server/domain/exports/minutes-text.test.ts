import { describe, expect, it } from 'vitest';
import { sampleMinutes } from './minutes-fixture';
import { escapeHtml, minutesToHtml } from './minutes-html';
import { escapeMarkdown, minutesToMarkdown } from './minutes-markdown';

describe('minutesToHtml', () => {
	const html = minutesToHtml(sampleMinutes(), 'sv');

	it('is one standalone document with the header facts, decisions and actions', () => {
		expect(html.startsWith('<!doctype html>')).toBe(true);
		expect(html).toContain('<html lang="sv">');
		expect(html).toContain('<dt>Kund</dt><dd>Norrby kommun</dd>');
		expect(html).toContain('<dt>Plats</dt><dd>Stadshuset, sal Älven</dd>');
		expect(html).toContain('<dt>Tid</dt><dd>09:00–10:30</dd>');
		expect(html).toContain('<strong>Beslut 1:</strong> Beslut om ny åtgärdsplan för överföring');
		expect(html).toContain('Ta fram åtgärdsplan för säkerhetskopior');
		expect(html).toContain('<td>Anmält förhinder</td>');
		// nothing is loaded from elsewhere
		expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
	});

	it('escapes every piece of user text', () => {
		expect(html).toContain('Tertialmöte &lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(html).not.toContain('<script>');
		expect(escapeHtml(`"a" & 'b' <c>`)).toBe('&quot;a&quot; &amp; &#39;b&#39; &lt;c&gt;');
	});

	it('keeps web links and drops javascript: links', () => {
		expect(html).toContain('<a href="https://example.se/rapport">rapporten</a>');
		expect(html).not.toContain('javascript:');
		expect(html).toContain('inte denna');
	});

	it('nests list items by depth and shows frozen figures in place', () => {
		expect(html).toMatch(/<ul><li>\*\*inte fetstil\*\*<ul><li>underpunkt<\/li><\/ul><\/li><\/ul>/);
		expect(html).toContain('<caption>SLA per prioritet');
		expect(html).toContain('<td class="num">0,97</td>');
	});

	it('renders English when asked', () => {
		const en = minutesToHtml(sampleMinutes(), 'en');
		expect(en).toContain('<html lang="en">');
		expect(en).toContain('<strong>Decision 1:</strong>');
		expect(en).toContain('<dd>Tactical forum</dd>');
		expect(en).toContain('15 January 2026');
	});

	it('lists addenda after the approval', () => {
		const withAddendum = minutesToHtml(sampleMinutes({ addenda: [{ at: '2026-01-20T09:00:00Z', by: 'Karin Lund', text: 'Rättelse: <b>datum</b>' }] }), 'sv');
		expect(withAddendum).toContain('Tillägg efter justering');
		expect(withAddendum).toContain('2026-01-20 10:00, Karin Lund');
		expect(withAddendum).toContain('Rättelse: &lt;b&gt;datum&lt;/b&gt;');
	});
});

describe('minutesToMarkdown', () => {
	const md = minutesToMarkdown(sampleMinutes(), 'sv');

	it('has the header, attendees by side, decisions and actions', () => {
		expect(md).toContain('**Kund:** Norrby kommun');
		expect(md).toContain('### Leverantören');
		expect(md).toContain('| Åsa Öberg | Business Account Manager | Ordförande, Sammankallande | Närvarande |');
		expect(md).toContain('1. **Beslut 1:** Beslut om ny åtgärdsplan för överföring');
		expect(md).toContain('| Ta fram åtgärdsplan för säkerhetskopior | Åsa Öberg | 2026-02-01 | Öppen |');
		expect(md).toContain('| P2 | 0,97 |');
	});

	it('escapes Markdown and HTML in user text', () => {
		expect(md).toContain('# Protokoll: Tertialmöte \\<script\\>alert(1)\\</script\\>');
		expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
		expect(md).toContain('- \\*\\*inte fetstil\\*\\*');
		expect(md).not.toMatch(/(^|[^\\])<(script|img)/);
		expect(md).toContain('[rapporten](<https://example.se/rapport>)');
		expect(md).not.toContain('javascript:');
		expect(escapeMarkdown('# rubrik')).toBe('\\# rubrik');
		expect(escapeMarkdown('1. inte en lista')).toBe('1\\. inte en lista');
		expect(escapeMarkdown('a | b')).toBe('a \\| b');
		expect(escapeMarkdown('[x](javascript:y)')).toBe('\\[x\\](javascript:y)');
	});

	it('keeps a table intact when a cell holds a pipe or a line break', () => {
		const model = sampleMinutes();
		model.actions.open = [{ id: 'x', title: 'A | B\nC', description: '', ownerName: null, ownerSide: null, dueDate: null, status: 'in_progress' }];
		const out = minutesToMarkdown(model, 'en');
		expect(out).toContain('| A \\| B C | Nobody | – | In progress |');
	});
});

describe('escalated actions in the exported minutes', () => {
	const model = sampleMinutes();
	const end = (forum: string, meeting: string | null, action: string) => ({
		forumId: 'f',
		forumName: { sv: forum, en: `${forum} (en)` },
		meetingId: meeting ? 'm' : null,
		meetingTitle: meeting,
		meetingStartsAt: meeting ? '2027-01-14T08:00:00.000Z' : null,
		actionId: 'x',
		actionTitle: action
	});
	model.actions.new[0].escalatedFrom = end('Operativt forum', 'Driftmöte januari', 'Säkerhetskopior');
	model.actions.closed[0].escalatedTo = end('Taktiskt forum', null, 'Kontaktlistan');

	it('name the other end by forum, meeting and action, in both languages and both formats', () => {
		const md = minutesToMarkdown(model, 'sv');
		expect(md).toContain('Eskalerad från: Operativt forum, mötet Driftmöte januari (14 januari 2027), aktiviteten ”Säkerhetskopior”');
		expect(md).toContain('Klart — Eskalerad till: Taktiskt forum, aktiviteten ”Kontaktlistan”');
		expect(minutesToHtml(model, 'sv')).toContain('Eskalerad från: Operativt forum, mötet Driftmöte januari (14 januari 2027)');
		expect(minutesToMarkdown(model, 'en')).toContain('Escalated from: Operativt forum (en), meeting Driftmöte januari (14 January 2027), action “Säkerhetskopior”');
	});

	it('say nothing of escalation in minutes frozen without links', () => {
		expect(minutesToMarkdown(sampleMinutes(), 'sv')).not.toContain('Eskalerad');
	});
});

describe('decision material in the record (issue 16)', () => {
	const sha = 'a'.repeat(64);
	const model = sampleMinutes({
		material: [
			{ name: 'Budget <2027>.xlsx', version: 3, sha256: sha, agendaItem: 'Initiativ och projekt' },
			{ name: 'Avtal.pdf', version: 1, sha256: 'b'.repeat(64), agendaItem: null }
		]
	});

	it('lists name, version and SHA-256 in HTML and Markdown, in both languages', () => {
		const html = minutesToHtml(model, 'sv');
		expect(html).toContain('<h2>Beslutsunderlag</h2>');
		expect(html).toContain(`<td>Budget &lt;2027&gt;.xlsx (Initiativ och projekt)</td><td>3</td><td>${sha}</td>`);
		const md = minutesToMarkdown(model, 'en');
		expect(md).toContain('## Decision material');
		expect(md).toContain(`| Avtal.pdf | 1 | ${'b'.repeat(64)} |`);
		expect(md).toContain('Budget \\<2027\\>.xlsx');
	});

	it('has no such section when no material was before the meeting (and for minutes approved before it existed)', () => {
		expect(minutesToHtml(sampleMinutes({ material: [] }), 'sv')).not.toContain('Beslutsunderlag');
		expect(minutesToMarkdown(sampleMinutes(), 'sv')).not.toContain('Beslutsunderlag');
	});
});
