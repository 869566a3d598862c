/**
 * Seeds minutes (Lexical rich text held in Yjs) with one section per agenda
 * item: the item's title as a heading and an empty paragraph to write in, or
 * the item's own text when it has one (the Samverkanshandbok's chapters).
 *
 * Runs Lexical headless with the browser's node list and the same
 * @lexical/yjs binding the browser uses, so the document is exactly what an
 * editor would have produced.
 */
import { $createHeadingNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import * as Y from 'yjs';
import type { AgendaItemTemplate } from '../governance/catalogue.types';
import { headlessMinutes } from './headless-minutes';

export { offlineProvider } from './headless-minutes';

export function seedMinutes(agenda: (AgendaItemTemplate & { paragraphs?: readonly string[] })[]): Uint8Array {
	const doc = new Y.Doc();
	const { editor, write } = headlessMinutes(doc);
	const unregister = write();
	editor.update(
		() => {
			const root = $getRoot();
			root.clear();
			for (const item of agenda) {
				root.append($createHeadingNode('h2').append($createTextNode(item.title.sv)));
				const paragraphs = item.paragraphs?.length ? item.paragraphs : [''];
				for (const text of paragraphs) root.append(text ? $createParagraphNode().append($createTextNode(text)) : $createParagraphNode());
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
