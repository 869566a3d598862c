export { default as ChartFrame } from './chart-frame.svelte';
