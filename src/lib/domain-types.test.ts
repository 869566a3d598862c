import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACCESS_LEVELS, ACCESS_OF_PARTY, PARTIES } from './domain-types';

const LIB = dirname(fileURLToPath(import.meta.url));
const SRC = dirname(LIB);

function sourcesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (name === 'paraglide' || name === 'node_modules') return [];
		if (statSync(path).isDirectory()) return sourcesUnder(path);
		return /\.(ts|svelte)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
	});
}

/** Spelled-out copies of the domain's words: a second definition that can drift from the first. */
const COPIES: [string, RegExp][] = [
	['Party', /'supplier' \| 'customer'|'customer' \| 'supplier'/],
	['Access', /'supplier_admin' \| 'supplier_staff'|\['supplier_admin', 'supplier_staff'/],
	['Duty', /'convener' \| 'compiler'|\['convener', 'compiler'/],
	['MeetingStatus', /'planned' \| 'agenda_published' \| 'in_progress'|\['planned', 'agenda_published', 'in_progress', 'minutes_draft', 'minutes_approved', 'confirmed'/]
];

describe('the domain types', () => {
	it('gives every access level to exactly one party', () => {
		const given = PARTIES.flatMap((p) => ACCESS_OF_PARTY[p]);
		expect([...given].sort()).toEqual([...ACCESS_LEVELS].sort());
	});

	it('are defined once: no other source file spells out party, access, duty or meeting state', () => {
		const found = sourcesUnder(SRC).flatMap((file) => {
			if (file === join(LIB, 'domain-types.ts')) return [];
			const text = readFileSync(file, 'utf8');
			return COPIES.filter(([, re]) => re.test(text)).map(([name]) => `${relative(SRC, file)}: ${name}`);
		});
		expect(found).toEqual([]);
	});
});
