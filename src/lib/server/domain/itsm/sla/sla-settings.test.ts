/** Pause statuses: the matching rule, and the default list held against the shipped example mapping and real logs. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dateParser } from '../import/dates';
import { EXAMPLE_MAPPINGS, genericPreset, PRESETS, type Preset } from '../import/presets';
import { rowMapper } from '../import/row-to-ticket';
import { DEFAULT_PAUSE_STATUSES, pauseMatcher } from './sla-settings';

const DATA = resolve('../shared/data');

/** Every distinct raw status a preset makes of a CSV file's rows, with its category. */
function statuses(text: string, preset: Preset): Map<string, string> {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
	// these files quote nothing in the status columns: a plain split is enough to read them
	const header = lines[0].split(',');
	const map = rowMapper(header, preset, dateParser(preset.order, preset.zone), preset.source);
	const out = new Map<string, string>();
	lines.slice(1).forEach((line, i) => {
		const r = map(line.split(','), i + 2, i);
		if (r.ok && r.event.ticket.statusRaw) out.set(r.event.ticket.statusRaw, r.event.ticket.status);
	});
	return out;
}

describe('pause matching', () => {
	it('matches a joined status by its sub-status alone, case-insensitively, with or without *', () => {
		const exact = pauseMatcher(['wait - user']);
		expect(exact('Accepted - Wait - User')).toBe(true);
		expect(exact('Wait - User')).toBe(true);
		expect(exact('Accepted - Wait - Vendor')).toBe(false);
		const prefix = pauseMatcher(['Wait - *']);
		expect(prefix('Accepted - Wait - Vendor')).toBe(true);
		expect(prefix('Accepted - Wait')).toBe(false);
		// a part is whole words after a joint, never the middle of a word
		expect(pauseMatcher(['Hold'])('Accepted - On Hold')).toBe(false);
		expect(pauseMatcher(['On Hold'])('Accepted - On Hold')).toBe(true);
		expect(pauseMatcher(['On Hold'])(null)).toBe(false);
	});

	it('the default list pauses exactly the waiting states of the shipped BPI 2013 example mapping, on the real log', { timeout: 60_000 }, () => {
		const example = EXAMPLE_MAPPINGS['BPI Challenge 2013 (Volvo IT)'];
		const text = gunzipSync(readFileSync(resolve(DATA, 'bpic2013-volvo-incidents.csv.gz'))).toString('utf8');
		const found = statuses(text, genericPreset(example.mapping, example.source));
		const paused = pauseMatcher(DEFAULT_PAUSE_STATUSES);
		expect([...found.keys()].filter(paused).sort()).toEqual([
			'Accepted - Wait - Customer',
			'Accepted - Wait - Implementation',
			'Accepted - Wait - User',
			'Accepted - Wait - Vendor'
		]);
		// queued is not a pause (the supplier's turn), and the log really has it
		expect(found.get('Queued - Awaiting Assignment')).toBe('new');
	});

	it('the default list pauses the awaiting states of the UCI ServiceNow log and nothing else', { timeout: 60_000 }, () => {
		const text = readFileSync(resolve(DATA, 'uci-incident-event-log-prefix-excel.csv'), 'utf8');
		const found = statuses(text, PRESETS['servicenow-display']);
		const paused = pauseMatcher(DEFAULT_PAUSE_STATUSES);
		expect([...found.keys()].filter(paused).sort()).toEqual([...found.keys()].filter((s) => /^awaiting/i.test(s)).sort());
		expect([...found.keys()].filter(paused).length).toBeGreaterThan(0);
	});
});
