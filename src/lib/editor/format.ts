/**
 * Toolbar actions of the minutes editor, as plain functions of the editor so
 * any UI (and keyboard shortcuts) can use them.
 */
import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { $isListNode, INSERT_CHECK_LIST_COMMAND, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND, ListNode } from '@lexical/list';
import { $createHeadingNode, $isHeadingNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $getNearestNodeOfType } from '@lexical/utils';
import { randomUuid } from '$lib/uuid';
import { $createDecisionNode, $isDecisionNode } from './decision-node';
import { $createParagraphNode, $getSelection, $isRangeSelection, FORMAT_TEXT_COMMAND, type LexicalEditor } from 'lexical';

export type BlockKind = 'paragraph' | 'h2' | 'h3' | 'bullet' | 'number' | 'check' | 'decision';

export interface FormatState {
	bold: boolean;
	italic: boolean;
	link: boolean;
	block: BlockKind;
}

/** The formatting at the selection (call inside `editorState.read`). */
export function $formatState(): FormatState {
	const selection = $getSelection();
	const state: FormatState = { bold: false, italic: false, link: false, block: 'paragraph' };
	if (!$isRangeSelection(selection)) return state;
	state.bold = selection.hasFormat('bold');
	state.italic = selection.hasFormat('italic');
	const anchor = selection.anchor.getNode();
	state.link = $isLinkNode(anchor) || $isLinkNode(anchor.getParent());
	const block = anchor.getKey() === 'root' ? anchor : anchor.getTopLevelElementOrThrow();
	const list = $getNearestNodeOfType(anchor, ListNode);
	if (list && $isListNode(list)) state.block = list.getListType();
	else if ($isHeadingNode(block)) state.block = block.getTag() === 'h3' ? 'h3' : 'h2';
	else if ($isDecisionNode(block)) state.block = 'decision';
	return state;
}

export function toggleFormat(editor: LexicalEditor, format: 'bold' | 'italic') {
	editor.dispatchCommand(FORMAT_TEXT_COMMAND, format);
}

/** Makes the selected blocks `kind`; choosing the current list kind again turns the list off. */
export function setBlock(editor: LexicalEditor, kind: BlockKind, current: BlockKind) {
	if (kind === 'bullet' || kind === 'number' || kind === 'check') {
		if (current === kind) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
		else
			editor.dispatchCommand(
				kind === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : kind === 'number' ? INSERT_ORDERED_LIST_COMMAND : INSERT_CHECK_LIST_COMMAND,
				undefined
			);
		return;
	}
	editor.update(() => {
		const selection = $getSelection();
		if (!$isRangeSelection(selection)) return;
		if (kind === 'paragraph' || kind === current) $setBlocksType(selection, () => $createParagraphNode());
		// every selected block becomes a decision of its own, with its own id
		else if (kind === 'decision') $setBlocksType(selection, () => $createDecisionNode(randomUuid()));
		else $setBlocksType(selection, () => $createHeadingNode(kind));
	});
}

/** Only http(s) and mailto links; anything else (javascript:, data:) is refused. */
export function safeLinkUrl(input: string): string | null {
	const text = input.trim();
	if (!text) return null;
	const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
	try {
		const url = new URL(withScheme);
		return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
	} catch {
		return null;
	}
}

export function setLink(editor: LexicalEditor, url: string | null) {
	editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
}
