/**
 * The minutes editor: plain Lexical (no framework) bound to a Yjs document with
 * @lexical/yjs, written after the React `CollaborationPlugin`
 * (`useYjsCollaboration`): remote Yjs changes go into Lexical, local Lexical
 * updates into Yjs, cursors travel through awareness, and undo/redo is Yjs's
 * `UndoManager` (only one's own changes), not Lexical's history.
 *
 * Never bootstraps the document: the server seeds it before any client sees it.
 */
import { registerCheckList, registerList } from '@lexical/list';
import { registerRichText } from '@lexical/rich-text';
import {
	createBinding,
	createUndoManager,
	initLocalState,
	setLocalStateFocus,
	syncCursorPositions,
	syncLexicalUpdateToYjs,
	syncYjsChangesToLexical,
	type Binding,
	type Provider
} from '@lexical/yjs';
import {
	BLUR_COMMAND,
	CAN_REDO_COMMAND,
	CAN_UNDO_COMMAND,
	COMMAND_PRIORITY_EDITOR,
	createEditor,
	FOCUS_COMMAND,
	mergeRegister,
	REDO_COMMAND,
	SKIP_COLLAB_TAG,
	UNDO_COMMAND,
	type LexicalEditor
} from 'lexical';
import { UndoManager, type Doc, type Transaction, type XmlText, type YEvent } from 'yjs';
import type { PresenceData } from '$lib/realtime/presence';
import { registerLinks } from './links';
import { MINUTES_NODES } from './nodes';
import { MINUTES_THEME } from './theme';

export interface MinutesEditorOptions {
	/** the contenteditable element */
	root: HTMLElement;
	/** an empty element positioned inside the editor's (relatively positioned) frame; remote cursors go here */
	cursors: HTMLElement;
	doc: Doc;
	provider: Provider;
	/** `binding.id`, and the key under which the doc sits in the doc map */
	id: string;
	name: string;
	color: string;
	presence: PresenceData;
	editable: boolean;
	onError?: (error: Error) => void;
	/** undo / redo availability, for the toolbar */
	onHistory?: (state: { canUndo: boolean; canRedo: boolean }) => void;
	/** draws the figures of a data block (by figure id) */
	renderFigure?: (figureId: string) => HTMLElement;
	/** draws an action chip into its element (by action id); again on every `redrawActions()` */
	renderAction?: (el: HTMLElement, actionId: string) => void;
}

export interface MinutesEditor {
	editor: LexicalEditor;
	binding: Binding;
	undoManager: UndoManager;
	setEditable(editable: boolean): void;
	/** draws every action chip again (the activity list changed) */
	redrawActions(): void;
	destroy(): void;
}

export function mountMinutesEditor(opts: MinutesEditorOptions): MinutesEditor {
	const { provider, doc, id } = opts;
	const editor = createEditor({
		namespace: 'minutes',
		nodes: MINUTES_NODES,
		theme: MINUTES_THEME,
		editable: opts.editable,
		onError: (error) => {
			if (opts.onError) opts.onError(error);
			else console.error(error);
		}
	});
	editor.setRootElement(opts.root);

	const binding = createBinding(editor, provider, id, doc, new Map([[id, doc]]));
	binding.cursorsContainer = opts.cursors;

	// Remote (and undo/redo) changes → Lexical.
	const onYjsTreeChanges = (events: Array<YEvent<XmlText>>, transaction: Transaction) => {
		if (transaction.origin === binding) return;
		syncYjsChangesToLexical(binding, provider, events, transaction.origin instanceof UndoManager, syncCursorPositions);
	};
	const sharedRoot = binding.root.getSharedType();
	sharedRoot.observeDeep(onYjsTreeChanges);

	const undoManager = createUndoManager(binding, sharedRoot);
	const reportHistory = () => {
		const state = { canUndo: undoManager.undoStack.length > 0, canRedo: undoManager.redoStack.length > 0 };
		editor.dispatchCommand(CAN_UNDO_COMMAND, state.canUndo);
		editor.dispatchCommand(CAN_REDO_COMMAND, state.canRedo);
		opts.onHistory?.(state);
	};
	undoManager.on('stack-item-added', reportHistory);
	undoManager.on('stack-item-popped', reportHistory);
	undoManager.on('stack-cleared', reportHistory);

	const focused = () => document.activeElement === opts.root;
	const awarenessData = { ...opts.presence };
	initLocalState(provider, opts.name, opts.color, focused(), awarenessData);
	const onAwareness = () => syncCursorPositions(binding, provider);
	provider.awareness.on('update', onAwareness);

	// Data blocks and action chips are decorators: draw each into its element.
	const drawDecorators = (decorators: Record<string, string>, actionsChanged: boolean) => {
		for (const [key, id] of Object.entries(decorators)) {
			const el = editor.getElementByKey(key);
			if (!el || el.dataset.drawn === id && !(actionsChanged && el.dataset.actionId !== undefined)) continue;
			if (el.dataset.actionId !== undefined) opts.renderAction?.(el, id);
			else if (opts.renderFigure) el.replaceChildren(opts.renderFigure(id));
			el.dataset.drawn = id;
		}
	};

	const unregister = mergeRegister(
		editor.registerDecoratorListener<string>((decorators) => drawDecorators(decorators, false)),
		registerRichText(editor),
		registerList(editor),
		registerCheckList(editor),
		// Local Lexical changes → Yjs (this also publishes our own cursor).
		editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
			if (tags.has(SKIP_COLLAB_TAG)) return;
			syncLexicalUpdateToYjs(binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
		}),
		editor.registerCommand(
			UNDO_COMMAND,
			() => {
				undoManager.undo();
				return true;
			},
			COMMAND_PRIORITY_EDITOR
		),
		editor.registerCommand(
			REDO_COMMAND,
			() => {
				undoManager.redo();
				return true;
			},
			COMMAND_PRIORITY_EDITOR
		),
		registerLinks(editor),
		editor.registerCommand(
			FOCUS_COMMAND,
			() => {
				setLocalStateFocus(provider, opts.name, opts.color, true, awarenessData);
				return false;
			},
			COMMAND_PRIORITY_EDITOR
		),
		editor.registerCommand(
			BLUR_COMMAND,
			() => {
				setLocalStateFocus(provider, opts.name, opts.color, false, awarenessData);
				return false;
			},
			COMMAND_PRIORITY_EDITOR
		)
	);

	return {
		editor,
		binding,
		undoManager,
		setEditable: (editable) => editor.setEditable(editable),
		redrawActions: () => drawDecorators(editor.getDecorators<string>(), true),
		destroy() {
			unregister();
			provider.awareness.off('update', onAwareness);
			sharedRoot.unobserveDeep(onYjsTreeChanges);
			undoManager.destroy();
			for (const cursor of binding.cursors.values()) {
				const selection = cursor.selection;
				if (!selection) continue;
				selection.caret.remove();
				for (const span of selection.selections) span.remove();
			}
			binding.cursors.clear();
			editor.setRootElement(null);
		}
	};
}
