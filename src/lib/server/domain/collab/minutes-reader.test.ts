import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $createLinkNode } from '@lexical/link';
import { $createDataBlockNode } from '$lib/editor/data-block-node';
import { $createDecisionNode } from '$lib/editor/decision-node';
import { blocksOf, decisionsOf, plainText, readMinutesState } from './minutes-reader';
import { headlessMinutes } from './headless-minutes';
import { seedMinutes } from './seed-minutes';

/** Writes content the way the browser editor does: Lexical bound to a Y.Doc. */
function writeMinutes(build: () => void): Y.Doc {
	const doc = new Y.Doc();
	const { editor, write } = headlessMinutes(doc);
	write();
	editor.update(build, { discrete: true });
	return doc;
}

describe('minutes reader', () => {
	it('reads the seeded minutes: a heading and an empty paragraph per agenda item', () => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, seedMinutes([{ kind: 'other', title: { sv: 'Övrigt', en: 'Other' }, minutes: 5 }]));
		expect(blocksOf(readMinutesState(doc))).toEqual([
			{ type: 'heading', level: 2, runs: [{ text: 'Övrigt' }] },
			{ type: 'paragraph', runs: [] }
		]);
	});

	it('keeps formatting, links (safe ones only), lists, and decisions with their ids', () => {
		const doc = writeMinutes(() => {
			const root = $getRoot();
			root.clear();
			const bold = $createTextNode('fet').toggleFormat('bold');
			const link = $createLinkNode('https://norrby.example/a').append($createTextNode('länk'));
			const bad = $createLinkNode('javascript:alert(1)').append($createTextNode('elak'));
			root.append($createParagraphNode().append($createTextNode('Text '), bold, link, bad));
			root.append($createDecisionNode('d-1').append($createTextNode('Vi byter brandvägg.')));
			root.append(
				$createListNode('check').append(
					$createListItemNode(true).append($createTextNode('klart')),
					$createListItemNode(false).append($createTextNode('kvar'))
				)
			);
			root.append($createDecisionNode('d-1').append($createTextNode('Kopierat beslut')));
			root.append($createDecisionNode('d-2'));
			root.append($createDataBlockNode('sla-resolution'));
		});
		const blocks = blocksOf(readMinutesState(doc));
		expect(blocks[0]).toEqual({
			type: 'paragraph',
			runs: [{ text: 'Text ' }, { text: 'fet', bold: true }, { text: 'länk', href: 'https://norrby.example/a' }, { text: 'elak' }]
		});
		expect(blocks[1]).toEqual({ type: 'decision', id: 'd-1', runs: [{ text: 'Vi byter brandvägg.' }] });
		expect(blocks[2]).toEqual({
			type: 'list',
			style: 'check',
			items: [
				{ runs: [{ text: 'klart' }], depth: 0, checked: true },
				{ runs: [{ text: 'kvar' }], depth: 0, checked: false }
			]
		});
		expect(blocks.at(-1)).toEqual({ type: 'data', figureId: 'sla-resolution' });
		// the pasted copy gets its own id; the empty decision is no decision
		expect(decisionsOf(blocks)).toEqual([
			{ id: 'd-1', text: 'Vi byter brandvägg.' },
			{ id: 'd-1~2', text: 'Kopierat beslut' }
		]);
		expect(plainText(blocks)).toBe('Text fetlänkelak\nVi byter brandvägg.\nklart\nkvar\nKopierat beslut');
	});
});
