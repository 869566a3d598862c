/**
 * Lexical without a browser, bound to a minutes document through the same
 * @lexical/yjs binding the browser uses: how the server seeds, reads and (in
 * the demo) writes minutes, so that what it makes is exactly what an editor
 * would have made.
 */
import { createHeadlessEditor } from '@lexical/headless';
import { createBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Provider } from '@lexical/yjs';
import type * as Y from 'yjs';
import { MINUTES_NODES } from '$lib/editor/nodes';

/** @lexical/yjs wants a provider; the server has no network and no presence. */
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

/**
 * A headless editor bound to `doc`. `follow()` brings the document's changes
 * (and content applied later) into the editor; `write()` sends the editor's
 * changes into the document. Call them before applying content or editing.
 */
export function headlessMinutes(doc: Y.Doc) {
	const editor = createHeadlessEditor({
		namespace: 'minutes',
		nodes: MINUTES_NODES,
		onError: (err) => {
			throw err;
		}
	});
	const provider = offlineProvider();
	const binding = createBinding(editor, provider, 'minutes', doc, new Map([['minutes', doc]]));
	return {
		editor,
		follow() {
			binding.root.getSharedType().observeDeep((events, tx) => {
				if (tx.origin !== binding) syncYjsChangesToLexical(binding, provider, events as never, false);
			});
		},
		write(): () => void {
			return editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) =>
				syncLexicalUpdateToYjs(binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags)
			);
		}
	};
}
