export { default as Field, type ControlProps } from './field.svelte';
export { default as InputField } from './input-field.svelte';
export { default as SelectField } from './select-field.svelte';
export { default as TextareaField } from './textarea-field.svelte';
export { default as BilingualFields } from './bilingual-fields.svelte';
export type { Option, OptionGroup, ShellProps } from './shell-props';
