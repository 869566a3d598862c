/**
 * Writes into a minutes document the way the browser editor does: a headless
 * Lexical editor bound to the client's Y.Doc with @lexical/yjs. For tests that
 * need real structure (decision blocks) without a browser. Create it before
 * the client connects, so the document's content flows into the editor.
 */
import { createHeadlessEditor } from '@lexical/headless';
import { createBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical } from '@lexical/yjs';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import type * as Y from 'yjs';
import { $createDecisionNode } from '../../src/lib/editor/decision-node';
import { MINUTES_NODES } from '../../src/lib/editor/nodes';
import { offlineProvider } from '../../src/lib/server/domain/collab/seed-minutes';

export function minutesWriter(doc: Y.Doc) {
	const editor = createHeadlessEditor({ namespace: 'minutes', nodes: MINUTES_NODES, onError: (e) => { throw e; } });
	const provider = offlineProvider();
	const binding = createBinding(editor, provider, 'minutes', doc, new Map([['minutes', doc]]));
	binding.root.getSharedType().observeDeep((events, tx) => {
		if (tx.origin !== binding) syncYjsChangesToLexical(binding, provider, events as never, false);
	});
	editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) =>
		syncLexicalUpdateToYjs(binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags)
	);
	return {
		/** appends a paragraph and a decision block at the end of the minutes */
		appendDecision(id: string, text: string, paragraph = 'Diskussion') {
			editor.update(() => {
				$getRoot().append($createParagraphNode().append($createTextNode(paragraph)), $createDecisionNode(id).append($createTextNode(text)));
			}, { discrete: true });
		}
	};
}
