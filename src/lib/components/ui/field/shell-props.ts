/** The props every field variant passes to the shell (field.svelte). */
export interface ShellProps {
	label: string;
	error?: string | null;
	hint?: string | null;
	required?: boolean | null;
	id?: string;
	/** classes of the field's wrapper (grid spans) */
	class?: string;
	/** classes of the label (`sr-only` where a heading already names the field) */
	labelClass?: string;
}

/** One choice of a select. */
export interface Option {
	value: string;
	label: string;
}
