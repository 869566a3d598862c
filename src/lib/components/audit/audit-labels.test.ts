/**
 * Every event the code can write to the audit log, and every field name it
 * writes, has words in Swedish and English. The keys are collected from the
 * source (every `recordAudit(` call), not from the registry, so an event added
 * somewhere without being registered and translated fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { AUDIT_ACTIONS, AUDIT_EVENTS, AUDIT_FIELDS, AUDIT_KINDS } from '$lib/server/domain/audit/audit-events';
import { diffLines } from './audit-diff';
import { eventLabel, fieldLabel, kindLabel } from './audit-labels';

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'paraglide' ? [] : sourceFiles(path);
		return /\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
	});
}

/** The text of each recordAudit(...) call: up to its matching closing parenthesis. */
function auditCalls(): { file: string; text: string }[] {
	const calls: { file: string; text: string }[] = [];
	for (const file of [...sourceFiles('src'), ...sourceFiles('server')]) {
		const src = readFileSync(file, 'utf8');
		for (let i = src.indexOf('recordAudit('); i >= 0; i = src.indexOf('recordAudit(', i + 1)) {
			if (/function\s+$/.test(src.slice(Math.max(0, i - 20), i))) continue; // the definition
			let depth = 0;
			let end = i + 'recordAudit'.length;
			for (; end < src.length; end++) {
				if (src[end] === '(') depth++;
				else if (src[end] === ')' && --depth === 0) break;
			}
			calls.push({ file, text: src.slice(i, end + 1) });
		}
	}
	return calls;
}

const written = (() => {
	const actions = new Set<string>();
	const fields = new Set<string>();
	for (const { text } of auditCalls()) {
		// action: 'x' or action: cond ? 'x' : 'y'
		const action = /action:\s*([^,\n]+)/.exec(text)?.[1] ?? '';
		for (const [, key] of action.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) actions.add(key); // event keys have a dot; 'planned' in a condition has not
		// literal field names of before/after objects ({ name: …, email: … } and shorthand { reports })
		for (const part of ['before', 'after']) {
			const obj = new RegExp(`${part}:\\s*\\{([^}]*)\\}`).exec(text)?.[1];
			if (!obj) continue;
			for (const [, key] of obj.matchAll(/(?:^|,)\s*([A-Za-z_]+)\s*(?=[:,]|$)/g)) fields.add(key);
		}
	}
	return { actions, fields };
})();

const messages = (locale: 'sv' | 'en') => JSON.parse(readFileSync(`messages/audit/${locale}.json`, 'utf8')) as Record<string, string>;

describe('audit events in words', () => {
	const defaultGetLocale = getLocale;
	afterEach(() => overwriteGetLocale(defaultGetLocale));

	it('finds the recordAudit calls of the code (the grep works)', () => {
		expect(auditCalls().length).toBeGreaterThanOrEqual(30);
		expect(written.actions).toContain('meeting.duty.assign');
		expect(written.actions).toContain('meeting.agenda.republish');
		expect(written.fields).toContain('email');
		expect(written.fields).toContain('reports');
	});

	it('registers every event key the code writes, and no other', () => {
		expect([...written.actions].sort()).toEqual([...AUDIT_ACTIONS].sort());
	});

	it('lists every literal field name the code writes', () => {
		const missing = [...written.fields].filter((f) => !(AUDIT_FIELDS as readonly string[]).includes(f));
		expect(missing).toEqual([]);
	});

	for (const locale of ['sv', 'en'] as const) {
		it(`has a ${locale} phrase for every event, kind and field`, () => {
			const text = messages(locale);
			const missing = [
				...AUDIT_ACTIONS.map((a) => `audit_event_${a.replaceAll('.', '_')}`),
				...AUDIT_KINDS.map((k) => `audit_kind_${k}`),
				...AUDIT_FIELDS.map((f) => `audit_field_${f}`)
			].filter((key) => !text[key]?.trim());
			expect(missing).toEqual([]);
		});
	}

	it('shows each event in words in the reader language, never the raw key', () => {
		for (const locale of ['sv', 'en'] as const) {
			overwriteGetLocale(() => locale);
			for (const a of AUDIT_ACTIONS) {
				expect(eventLabel(a)).toBe(messages(locale)[`audit_event_${a.replaceAll('.', '_')}`]);
				expect(eventLabel(a)).not.toBe(a);
			}
			for (const k of AUDIT_KINDS) expect(kindLabel(k)).toBe(messages(locale)[`audit_kind_${k}`]);
			for (const f of AUDIT_FIELDS) expect(fieldLabel(f)).toBe(messages(locale)[`audit_field_${f}`]);
		}
		overwriteGetLocale(() => 'sv');
		expect(eventLabel('meeting.duty.assign')).toBe('Ansvar i möte omfördelat');
		overwriteGetLocale(() => 'en');
		expect(eventLabel('meeting.duty.assign')).toBe('Meeting duty reassigned');
	});

	it('gives every event a kind the filters know', () => {
		for (const a of AUDIT_ACTIONS) expect(AUDIT_KINDS).toContain(AUDIT_EVENTS[a].kind);
	});

	it('writes the changed fields and coded values in words', () => {
		overwriteGetLocale(() => 'sv');
		const duty = diffLines({ duty: 'chair', party: 'supplier', person: 'Johan Berg' }, { duty: 'chair', party: 'customer', person: 'Eva Norberg' });
		expect(duty.map((l) => [l.label, l.before, l.after])).toEqual([
			['Ansvar', undefined, 'Ordförande'],
			['Part', 'Leverantör', 'Kund'],
			['Person', 'Johan Berg', 'Eva Norberg']
		]);
		const grant = diffLines({ reports: [] }, { reports: ['sla', 'cases'] });
		expect(grant[0]).toMatchObject({ label: 'Rapporter', before: '—', after: 'SLA-rapport, Ärendehantering' });
		expect(diffLines(null, { title: 'VPN', audience: 'internal' }).map((l) => [l.label, l.after])).toEqual([
			['Titel', 'VPN'],
			['Målgrupp', 'Leverantörsinternt']
		]);
		overwriteGetLocale(() => 'en');
		const person = diffLines({ email: 'a@x.example', access: 'customer_member' }, { email: 'b@x.example', access: 'customer_admin', password: 'changed', disabled: true });
		expect(person.map((l) => [l.label, l.before, l.after])).toEqual([
			['Email', 'a@x.example', 'b@x.example'],
			['Access', 'Customer member', 'Customer admin'],
			['Password', undefined, 'changed'],
			['Account disabled', undefined, 'yes']
		]);
	});
});
