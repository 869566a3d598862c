/**
 * A plain (non-collaborative) rich-text editor: Lexical with the minutes' node
 * list and theme, on a contenteditable, for text one person writes and then
 * submits (knowledge-base articles). Undo/redo is Lexical's own history here;
 * the shared minutes use Yjs's `UndoManager` instead (collab-editor.ts).
 */
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { ListItemNode, ListNode, registerCheckList, registerList } from '@lexical/list';
import { registerRichText } from '@lexical/rich-text';
import {
	$createParagraphNode,
	$getRoot,
	CAN_REDO_COMMAND,
	CAN_UNDO_COMMAND,
	COMMAND_PRIORITY_LOW,
	createEditor,
	HISTORY_MERGE_TAG,
	mergeRegister,
	type LexicalEditor,
	type SerializedEditorState
} from 'lexical';
import { registerLinks } from './links';
import { MINUTES_NODES } from './nodes';
import { parseStateJson } from './rich-text-state';
import { MINUTES_THEME } from './theme';

export interface HistoryAvailability {
	canUndo: boolean;
	canRedo: boolean;
}

export interface RichTextEditorOptions {
	/** the contenteditable element */
	root: HTMLElement;
	/** a serialized editor state (JSON text) to start from; blank or unreadable: an empty document */
	initialState?: string | null;
	namespace?: string;
	editable?: boolean;
	/** every change of the document, as Lexical's serialized state (also once right after mounting) */
	onChange?: (state: SerializedEditorState) => void;
	/** undo / redo availability, for the toolbar */
	onHistory?: (state: HistoryAvailability) => void;
	onError?: (error: Error) => void;
	/** how long (ms) typing is merged into one undo step */
	historyDelay?: number;
}

export interface RichTextEditor {
	editor: LexicalEditor;
	destroy(): void;
}

export function mountRichTextEditor(opts: RichTextEditorOptions): RichTextEditor {
	const editor = createEditor({
		namespace: opts.namespace ?? 'rich-text',
		nodes: MINUTES_NODES,
		theme: MINUTES_THEME,
		editable: opts.editable ?? true,
		onError: (error) => {
			if (opts.onError) opts.onError(error);
			else console.error(error);
		}
	});

	// The starting document, before history and listeners: it is not an undo step.
	const initial = parseStateJson(opts.initialState);
	if (initial) {
		try {
			editor.setEditorState(editor.parseEditorState(initial), { tag: HISTORY_MERGE_TAG });
		} catch (error) {
			// unknown nodes or a broken state: start empty rather than not at all
			opts.onError?.(error as Error);
		}
	}
	editor.update(
		() => {
			const root = $getRoot();
			if (root.getChildrenSize() === 0) root.append($createParagraphNode());
		},
		{ discrete: true, tag: HISTORY_MERGE_TAG }
	);
	editor.setRootElement(opts.root);

	const history: HistoryAvailability = { canUndo: false, canRedo: false };
	const reportHistory = (key: keyof HistoryAvailability, value: boolean) => {
		history[key] = value;
		opts.onHistory?.({ ...history });
		return false;
	};

	const unregister = mergeRegister(
		registerRichText(editor),
		registerList(editor),
		editor.hasNodes([ListNode, ListItemNode]) ? registerCheckList(editor) : () => {},
		registerHistory(editor, createEmptyHistoryState(), opts.historyDelay ?? 300),
		registerLinks(editor),
		editor.registerCommand(CAN_UNDO_COMMAND, (can) => reportHistory('canUndo', can), COMMAND_PRIORITY_LOW),
		editor.registerCommand(CAN_REDO_COMMAND, (can) => reportHistory('canRedo', can), COMMAND_PRIORITY_LOW),
		editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
			// selection moves change nothing worth reporting
			if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
			opts.onChange?.(editorState.toJSON());
		})
	);
	opts.onChange?.(editor.getEditorState().toJSON());
	opts.onHistory?.({ ...history });

	return {
		editor,
		destroy() {
			unregister();
			editor.setRootElement(null);
		}
	};
}
