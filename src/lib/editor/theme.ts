/** Lexical theme of the minutes: class names (Tailwind) for the nodes in `nodes.ts`. */
import type { EditorThemeClasses } from 'lexical';

export const MINUTES_THEME: EditorThemeClasses = {
	dataBlock: 'minutes-data my-3 overflow-x-auto rounded-md border border-slate-200 bg-slate-50 px-3 py-2',
	// the label "Beslut" / "Decision" comes from the editor's CSS (data-label on the frame)
	decision: 'minutes-decision my-3 rounded-md border-l-4 border-emerald-600 bg-emerald-50 px-3 py-2 text-slate-900',
	paragraph: 'my-2',
	mention: 'minutes-mention rounded bg-brand-50 px-0.5 font-medium text-brand-800',
	// the chip's content is drawn by the minutes editor (action-chip.ts)
	actionRef: 'minutes-action',
	heading: {
		h2: 'mt-5 mb-2 text-lg font-semibold text-slate-900 first:mt-1',
		h3: 'mt-4 mb-1 text-base font-semibold text-slate-900'
	},
	quote: 'my-2 border-l-4 border-slate-200 pl-3 text-slate-700',
	link: 'text-brand-700 underline',
	text: { bold: 'font-semibold', italic: 'italic', underline: 'underline' },
	list: {
		ul: 'minutes-ul my-2 pl-6',
		ol: 'my-2 list-decimal pl-6',
		checklist: 'minutes-checklist',
		listitem: 'my-0.5',
		listitemChecked: 'minutes-check minutes-check-on',
		listitemUnchecked: 'minutes-check',
		nested: { listitem: 'list-none' }
	}
};
