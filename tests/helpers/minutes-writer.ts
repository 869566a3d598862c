/**
 * Writes into a minutes document the way the browser editor does: a headless
 * Lexical editor bound to the client's Y.Doc with @lexical/yjs. For tests that
 * need real structure (decision blocks) without a browser. Create it before
 * the client connects, so the document's content flows into the editor.
 */
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import type * as Y from 'yjs';
import { $createActionRefNode } from '../../src/lib/editor/action-ref-node';
import { $createDecisionNode } from '../../src/lib/editor/decision-node';
import { headlessMinutes } from '../../src/lib/server/domain/collab/headless-minutes';

export function minutesWriter(doc: Y.Doc) {
	const { editor, follow, write } = headlessMinutes(doc);
	follow();
	write();
	return {
		/** appends a paragraph and a decision block at the end of the minutes */
		appendDecision(id: string, text: string, paragraph = 'Diskussion') {
			editor.update(() => {
				$getRoot().append($createParagraphNode().append($createTextNode(paragraph)), $createDecisionNode(id).append($createTextNode(text)));
			}, { discrete: true });
		},
		/** appends a line that was turned into an action: its chip, as the browser's capture leaves it */
		appendActionLine(actionId: string) {
			editor.update(() => {
				$getRoot().append($createParagraphNode().append($createActionRefNode(actionId)));
			}, { discrete: true });
		}
	};
}
