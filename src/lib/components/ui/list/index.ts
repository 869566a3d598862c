export { default as List } from './list.svelte';
