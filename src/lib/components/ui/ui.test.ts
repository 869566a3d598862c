/**
 * The UI primitives render on the server with their accessibility wiring:
 * the label names its control, hints and errors are read with it, tables
 * say what their columns are, dialogs name themselves.
 */
import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { ChartFrame } from './chart-frame';
import { Dialog } from './dialog';
import { BilingualFields, InputField, SelectField, TextareaField } from './field';
import { splitShell } from './field/shell-props';
import { List } from './list';
import { Table } from './table';

const html = (body: string) => body.replace(/<!--[^>]*-->/g, '');
const text = (s: string) => createRawSnippet(() => ({ render: () => `<span>${s}</span>` }));
const attr = (body: string, selector: RegExp) => selector.exec(body)?.[1];

describe('field shell', () => {
	it('ties the label to the input and reads the error with it', () => {
		const body = html(render(InputField, { props: { label: 'Namn', name: 'name', error: 'Fyll i namnet', hint: 'syns för kunden', required: true } }).body);
		const id = attr(body, /<label[^>]*for="([^"]+)"/);
		expect(id).toBeTruthy();
		expect(body).toMatch(new RegExp(`<input[^>]*id="${id}"`));
		expect(body).toMatch(new RegExp(`<input[^>]*aria-describedby="${id}-err"`));
		expect(body).toMatch(/<input[^>]*aria-invalid="true"/);
		expect(body).toMatch(/<input[^>]*required/);
		expect(body).toContain(`<p id="${id}-err" class="mt-1 text-sm text-red-700">Fyll i namnet</p>`);
		// the error replaces the hint; the required marker is drawn by CSS, not part of the label's text
		expect(body).not.toContain('syns för kunden');
		expect(body).toMatch(/<label[^>]*>Namn<\/label>/);
	});

	it('reads the hint when there is no error, and keeps an id of the page', () => {
		const body = html(render(InputField, { props: { label: 'Sök', id: 'decision-q', name: 'q', hint: 'Ord i beslutet' } }).body);
		expect(body).toMatch(/<label[^>]*for="decision-q"/);
		expect(body).toMatch(/<input[^>]*aria-describedby="decision-q-hint"/);
		expect(body).not.toMatch(/aria-invalid/);
		expect(body).not.toMatch(/<input[^>]*required/);
	});

	it('a select lists its options after the empty choice and selects the value', () => {
		const body = html(
			render(SelectField, {
				props: { label: 'Typ', name: 'kind', placeholder: 'Alla', value: 'change', options: [{ value: 'incident', label: 'Incident' }, { value: 'change', label: 'Ändring' }] }
			}).body
		);
		expect([...body.matchAll(/<option[^>]*value="([^"]*)"/g)].map((m) => m[1])).toEqual(['', 'incident', 'change']);
		expect(body).toMatch(/<option[^>]*value="change"[^>]*selected/);
		expect(body).toMatch(/<select[^>]*name="kind"/);
	});

	it('a textarea carries its value and its own classes beside the input style', () => {
		const body = html(render(TextareaField, { props: { label: 'Pausstatusar', name: 'pause', rows: 8, inputClass: 'font-mono', value: 'Väntar på kund' } }).body);
		expect(body).toMatch(/<textarea[^>]*class="input font-mono"[^>]*>Väntar på kund<\/textarea>/);
		expect(body).toMatch(/<textarea[^>]*rows="8"/);
	});

	it('the two languages side by side, Swedish first, each marked with its language', () => {
		const body = html(
			render(BilingualFields, {
				props: { name: 'purpose', label: { sv: 'Syfte (svenska)', en: 'Syfte (engelska)' }, value: { sv: 'Följa upp', en: 'Follow up' }, rows: 4, error: { sv: '', en: 'För lång' } }
			}).body
		);
		const fields = [...body.matchAll(/<textarea([^>]*)>([^<]*)<\/textarea>/g)];
		expect(fields.map((f) => /name="([^"]+)"/.exec(f[1])?.[1])).toEqual(['purposeSv', 'purposeEn']);
		expect(fields.map((f) => /lang="([^"]+)"/.exec(f[1])?.[1])).toEqual(['sv', 'en']);
		expect(fields.map((f) => f[2])).toEqual(['Följa upp', 'Follow up']);
		expect(fields[1][1]).toContain('aria-invalid="true"');
		expect(fields[0][1]).not.toContain('aria-invalid');
	});

	it('a select groups options under their headings after a choice that only asks to choose', () => {
		const body = html(
			render(SelectField, {
				props: {
					label: 'Person',
					name: 'personId',
					required: true,
					placeholder: 'Välj person',
					placeholderDisabled: true,
					options: [{ group: 'Leverantör', options: [{ value: 'p1', label: 'Anna' }] }, { group: 'Kund', options: [{ value: 'p2', label: 'Bo' }] }, { value: 'p3', label: 'Cia' }]
				}
			}).body
		);
		expect(body).toMatch(/<option value="" disabled[^>]*>Välj person<\/option>/);
		expect([...body.matchAll(/<optgroup label="([^"]+)">\s*<option[^>]*value="([^"]+)"/g)].map((g) => [g[1], g[2]])).toEqual([
			['Leverantör', 'p1'],
			['Kund', 'p2']
		]);
		expect(body).toMatch(/<\/optgroup>\s*<option[^>]*value="p3"/);
	});

	it('a hint said once for a pair is read with both fields, after their own error', () => {
		const body = html(
			render(BilingualFields, { props: { name: 'description', label: { sv: 'Beskrivning (svenska)', en: 'Beskrivning (engelska)' }, value: { sv: '', en: '' }, rows: 4, hint: 'En rad per punkt', error: { sv: 'För lång', en: '' } } }).body
		);
		const hintId = attr(body, /<p id="([^"]+)"[^>]*>En rad per punkt<\/p>/);
		expect(hintId).toBeTruthy();
		const described = [...body.matchAll(/<textarea[^>]*aria-describedby="([^"]+)"/g)].map((d) => d[1].split(' '));
		expect(described).toHaveLength(2);
		expect(described[0]).toEqual([expect.stringMatching(/-err$/), hintId]);
		expect(described[1]).toEqual([hintId]);
	});

	it('splits a variant’s props into the shell’s and the control’s, attachments included', () => {
		const attach = Symbol('attachment');
		const { shell, control } = splitShell({ label: 'Namn', error: 'x', class: 'sm:col-span-2', name: 'name', maxlength: 3, [attach]: () => {} });
		expect(shell).toEqual({ label: 'Namn', error: 'x', class: 'sm:col-span-2' });
		expect(Object.keys(control)).toEqual(['name', 'maxlength']);
		expect(attach in control).toBe(true);
	});
});

describe('table', () => {
	interface Item {
		id: string;
		name: string;
		n: number;
	}
	const items: Item[] = [
		{ id: 'a', name: 'Norrby', n: 3 },
		{ id: 'b', name: 'Söderby', n: 5 }
	];
	const ItemTable = Table<Item>;
	const row = createRawSnippet((item: () => Item) => ({ render: () => `<tr><th scope="row">${item().name}</th><td class="text-right">${item().n}</td></tr>` }));

	it('renders a caption, typed columns and one row per item', () => {
		const body = html(
			render(ItemTable, {
				props: { items, key: (i) => i.id, row, caption: 'Kunder', columns: ['Kund', { label: 'Möten', align: 'right' }, { label: 'Öppna', srOnly: true }] }
			}).body
		);
		expect(body).toContain('<caption class="sr-only">Kunder</caption>');
		expect([...body.matchAll(/<th scope="col"( class="[^"]*")?>/g)].map((m) => m[1] ?? '')).toEqual(['', ' class="text-right"', '']);
		expect(body).toContain('<span class="sr-only">Öppna</span>');
		expect(body.match(/<tr>/g)).toHaveLength(3);
		expect(body).toMatch(/<div class="relative overflow-x-auto card p-0">\s*<table class="data-table/);
	});

	it('says its empty text instead of an empty table', () => {
		const body = html(render(ItemTable, { props: { items: [], key: () => 0, row, empty: 'Inga ärenden', columns: ['Kund'] } }).body);
		expect(body).not.toContain('<table');
		expect(body).toContain('Inga ärenden');
	});

	it('says its empty text in a dashed box with its own classes', () => {
		const body = html(render(ItemTable, { props: { items: [], key: () => 0, row, empty: 'Inga kunder', emptyBox: true, emptyClass: 'px-5 pb-5', columns: ['Kund'] } }).body);
		expect(body).toMatch(/^<div class="px-5 pb-5"><p class="[^"]*border-dashed[^"]*">Inga kunder<\/p><\/div>$/);
	});

	it('a wide table scrolls in a named region reachable by keyboard, attributes go to the table', () => {
		const body = html(render(ItemTable, { props: { items, key: (i) => i.id, row, scrollLabel: 'Logg (rullbar)', framed: false, 'data-testid': 'log' } }).body);
		expect(body).toMatch(/<div class="relative overflow-x-auto" role="region" aria-label="Logg \(rullbar\)" tabindex="0">/);
		expect(body).toMatch(/<table class="data-table[^"]*" data-testid="log">/);
		expect(body).not.toContain('<thead');
	});
});

describe('list', () => {
	const items = [
		{ id: 'a', name: 'Norrby', late: true },
		{ id: 'b', name: 'Söderby', late: false }
	];
	const ItemList = List<(typeof items)[number]>;
	const item = createRawSnippet((entry: () => (typeof items)[number]) => ({ render: () => `<span>${entry().name}</span>` }));

	it('one item per entry with the list’s classes and each item’s own attributes', () => {
		const body = html(
			render(ItemList, {
				props: { items, key: (i) => i.id, item, class: 'divide-y', itemClass: 'py-2', itemProps: (i) => ({ class: i.late ? 'opacity-70' : '', 'data-name': i.name }), 'data-testid': 'forums' }
			}).body
		);
		expect(body).toMatch(/^<ul class="divide-y" data-testid="forums">/);
		const lis = [...body.matchAll(/<li([^>]*)>/g)].map((l) => [attr(l[1], /class="([^"]*)"/), attr(l[1], /data-name="([^"]*)"/)]);
		expect(lis).toEqual([
			['py-2 opacity-70', 'Norrby'],
			['py-2', 'Söderby']
		]);
	});

	it('says its empty text instead of an empty list, muted or in a box; ordered lists are <ol>', () => {
		expect(html(render(ItemList, { props: { items: [], key: (i) => i.id, item, empty: 'Inga möten', emptyClass: 'mt-1' } }).body)).toBe('<p class="muted mt-1">Inga möten</p>');
		const boxed = html(render(ItemList, { props: { items: [], key: (i) => i.id, item, empty: 'Inga möten', emptyBox: true, emptyClass: 'mt-3' } }).body);
		expect(boxed).toMatch(/^<div class="mt-3"><p class="[^"]*border-dashed[^"]*">Inga möten<\/p><\/div>$/);
		expect(html(render(ItemList, { props: { items, key: (i) => i.id, item, ordered: true } }).body)).toMatch(/^<ol[^>]*>\s*<li[^>]*><span>Norrby/);
	});
});

describe('chart frame', () => {
	it('names the chart by its heading and offers the figures as a table', () => {
		const body = html(render(ChartFrame, { props: { title: 'Trend per månad', children: text('CHART'), table: text('FIGURES'), tableLabel: 'Visa som tabell' } }).body);
		const id = attr(body, /<h2 id="([^"]+)"/);
		expect(body).toMatch(new RegExp(`<section class="card[^"]*" aria-labelledby="${id}"`));
		expect(body).toMatch(/<summary[^>]*>Visa som tabell<\/summary>/);
		expect(body.indexOf('CHART')).toBeLessThan(body.indexOf('FIGURES'));
	});
});

describe('dialog', () => {
	it('an open alertdialog is named by its title and shown in the page without JavaScript', () => {
		const body = html(render(Dialog, { props: { open: true, alert: true, title: 'Mötet har inte börjat än', children: text('Vill du starta?') } }).body);
		const id = attr(body, /<h2 id="([^"]+)"/);
		expect(body).toMatch(new RegExp(`<dialog[^>]*aria-labelledby="${id}"`));
		expect(body).toMatch(/<dialog[^>]*role="alertdialog"/);
		expect(body).toMatch(/<dialog[^>]*\sopen/);
	});

	it('a closed one is not shown', () => {
		const body = html(render(Dialog, { props: { open: false, title: 'Fråga', children: text('x') } }).body);
		expect(body).not.toMatch(/<dialog[^>]*\sopen/);
		expect(body).not.toMatch(/role="alertdialog"/);
	});
});
