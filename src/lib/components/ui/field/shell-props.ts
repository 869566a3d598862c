/** The props every field variant passes to the shell (field.svelte). */
export interface ShellProps {
	label: string;
	error?: string | null;
	hint?: string | null;
	required?: boolean | null;
	/** an id of the page's own (anchors, aria references); otherwise one made on the server and kept at hydration */
	id?: string;
	/** classes of the field's wrapper (grid spans) */
	class?: string;
	/** classes of the label (`sr-only` where a heading already names the field) */
	labelClass?: string;
	/** the id of a text elsewhere that describes the control too (a hint said once for a pair of fields) */
	describedBy?: string;
}

/** One choice of a select. */
export interface Option {
	value: string;
	label: string;
}

/** Choices of a select under a heading (an `<optgroup>`). */
export interface OptionGroup {
	group: string;
	options: readonly Option[];
}

const SHELL_KEYS: ReadonlySet<PropertyKey> = new Set<keyof ShellProps>(['label', 'error', 'hint', 'required', 'id', 'class', 'labelClass', 'describedBy']);

/**
 * A variant's props split into the shell's and the control's (the rest:
 * name, maxlength, event handlers, attachments), so each variant says only
 * what its control is.
 */
export function splitShell<P extends ShellProps>(props: P): { shell: ShellProps; control: Omit<P, keyof ShellProps> } {
	const shell: Record<PropertyKey, unknown> = {};
	const control: Record<PropertyKey, unknown> = {};
	for (const key of Reflect.ownKeys(props)) (SHELL_KEYS.has(key) ? shell : control)[key] = props[key as keyof P];
	return { shell: shell as unknown as ShellProps, control: control as Omit<P, keyof ShellProps> };
}
