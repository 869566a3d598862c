/**
 * Seeds minutes (Lexical rich text held in Yjs) with one section per agenda
 * item: the item's title as a heading and an empty paragraph to write in.
 *
 * Runs Lexical headless with the browser's node list and the same
 * @lexical/yjs binding the browser uses, so the document is exactly what an
 * editor would have produced.
 */
import { createHeadlessEditor } from '@lexical/headless';
import { $createHeadingNode } from '@lexical/rich-text';
import { createBinding, syncLexicalUpdateToYjs, type Provider } from '@lexical/yjs';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import * as Y from 'yjs';
import { MINUTES_NODES } from '$lib/editor/nodes';
import type { AgendaItemTemplate } from '../governance/catalogue.types';

/** @lexical/yjs wants a provider; seeding has no network and no presence. */
export function offlineProvider(): Provider {
	const noop = () => {};
	return {
		awareness: {
			getLocalState: () => null,
			getStates: () => new Map(),
			on: noop,
			off: noop,
			setLocalState: noop,
			setLocalStateField: noop
		},
		connect: noop,
		disconnect: noop,
		on: noop,
		off: noop
	};
}

export function seedMinutes(agenda: AgendaItemTemplate[]): Uint8Array {
	const doc = new Y.Doc();
	const editor = createHeadlessEditor({
		namespace: 'minutes',
		nodes: MINUTES_NODES,
		onError: (err) => {
			throw err;
		}
	});
	const provider = offlineProvider();
	const binding = createBinding(editor, provider, 'minutes', doc, new Map([['minutes', doc]]));
	const unregister = editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) =>
		syncLexicalUpdateToYjs(binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags)
	);
	editor.update(
		() => {
			const root = $getRoot();
			root.clear();
			for (const item of agenda) {
				root.append($createHeadingNode('h2').append($createTextNode(item.title.sv)), $createParagraphNode());
			}
			if (agenda.length === 0) root.append($createParagraphNode());
		},
		{ discrete: true }
	);
	unregister();
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}
