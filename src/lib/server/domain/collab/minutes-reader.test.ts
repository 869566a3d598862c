import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $createLinkNode } from '@lexical/link';
import { $createDataBlockNode } from '$lib/editor/data-block-node';
import { $createDecisionNode } from '$lib/editor/decision-node';
import { $createMentionNode } from '$lib/editor/mention-node';
import { $currentLine, $placeAction } from '$lib/editor/action-capture';
import { actionFromLine } from '$lib/editor/action-line';
import { blocksOf, decisionsOf, plainText, readMinutesState, withActionText } from './minutes-reader';
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

	it('a line with an @-mention and a date phrase becomes an action chip; the record shows the action where it was said', () => {
		const doc = new Y.Doc();
		const { editor, write } = headlessMinutes(doc);
		write();
		let line: ReturnType<typeof $currentLine> = null;
		editor.update(
			() => {
				const root = $getRoot();
				root.clear();
				const p = $createParagraphNode().append($createMentionNode('p-anna', 'Anna Berg'), $createTextNode(' ser över brandväggsreglerna till 15/12'));
				const decision = $createDecisionNode('d-9').append($createTextNode('Vi byter leverantör av larm om en månad'));
				root.append(p, decision);
				p.selectEnd();
				line = $currentLine();
				$placeAction(line!.key, 'a-1');
				decision.selectEnd();
				const decided = $currentLine()!;
				expect(decided).toMatchObject({ isDecision: true, hasAction: false });
				$placeAction(decided.key, 'a-2');
				expect($currentLine()).toMatchObject({ hasAction: true });
			},
			{ discrete: true }
		);
		expect(line).toMatchObject({ hasAction: false, isDecision: false });
		expect(actionFromLine(line!.segments, { today: '2026-12-06' })).toEqual({ title: 'Ser över brandväggsreglerna', ownerId: 'p-anna', dueDate: '2026-12-15' });

		const blocks = blocksOf(readMinutesState(doc));
		// the line became the chip; the decision kept its words and got the chip at its end
		expect(blocks[0]).toEqual({ type: 'paragraph', runs: [{ text: '', actionId: 'a-1' }] });
		expect(blocks[1]).toEqual({ type: 'decision', id: 'd-9', runs: [{ text: 'Vi byter leverantör av larm om en månad ' }, { text: '', actionId: 'a-2' }] });

		const record = withActionText(blocks, (id) => (id === 'a-1' ? 'Ser över brandväggsreglerna (Anna Berg, 2026-12-15)' : null));
		expect(record[0]).toEqual({ type: 'paragraph', runs: [{ text: 'Ser över brandväggsreglerna (Anna Berg, 2026-12-15)', actionId: 'a-1' }] });
		// an action no longer in the list leaves no trace
		expect(record[1]).toEqual({ type: 'decision', id: 'd-9', runs: [{ text: 'Vi byter leverantör av larm om en månad ' }] });
	});

	it('a mention reads as its text', () => {
		const doc = writeMinutes(() => {
			const root = $getRoot();
			root.clear();
			root.append($createParagraphNode().append($createTextNode('Fråga '), $createMentionNode('p-1', 'Erik Lund'), $createTextNode(' om loggarna')));
		});
		expect(plainText(blocksOf(readMinutesState(doc)))).toBe('Fråga @Erik Lund om loggarna');
	});
});
