import { createHeadlessEditor } from '@lexical/headless';
import { $isHeadingNode } from '@lexical/rich-text';
import { createBinding, syncYjsChangesToLexical } from '@lexical/yjs';
import { $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MINUTES_NODES, MINUTES_ROOT } from '$lib/editor/nodes';
import { offlineProvider, seedMinutes } from './seed-minutes';

/** Reads a minutes document the way the browser does: a Lexical editor bound to the Y.Doc. */
function openInLexical(update: Uint8Array) {
	const doc = new Y.Doc();
	const editor = createHeadlessEditor({ namespace: 'minutes', nodes: MINUTES_NODES, onError: (e) => { throw e; } });
	const provider = offlineProvider();
	const binding = createBinding(editor, provider, 'minutes', doc, new Map([['minutes', doc]]));
	binding.root.getSharedType().observeDeep((events, tx) => {
		if (tx.origin !== binding) syncYjsChangesToLexical(binding, provider, events as never, false, () => {});
	});
	Y.applyUpdate(doc, update);
	return { doc, editor };
}

describe('seedMinutes', () => {
	const agenda = [
		{ kind: 'previous_minutes' as const, title: { sv: 'Föregående protokoll', en: 'Previous minutes' }, minutes: 5 },
		{ kind: 'other' as const, title: { sv: 'Övrigt', en: 'Other' }, minutes: 10 }
	];

	it('writes one heading and one paragraph per agenda item, readable by a bound editor', async () => {
		const seed = seedMinutes(agenda);
		const { doc, editor } = openInLexical(seed);
		// Remote changes reach Lexical through an ordinary (batched) editor update.
		await new Promise((r) => setTimeout(r, 10));
		expect(doc.get(MINUTES_ROOT, Y.XmlText).length).toBeGreaterThan(0);
		const blocks = editor.getEditorState().read(() =>
			$getRoot()
				.getChildren()
				.map((n) => ({ type: n.getType(), heading: $isHeadingNode(n) ? n.getTag() : null, text: n.getTextContent() }))
		);
		expect(blocks).toEqual([
			{ type: 'heading', heading: 'h2', text: 'Föregående protokoll' },
			{ type: 'paragraph', heading: null, text: '' },
			{ type: 'heading', heading: 'h2', text: 'Övrigt' },
			{ type: 'paragraph', heading: null, text: '' }
		]);
	});
});
