/** The share scale (0..1) that the SLA charts draw on, shared by the charts and their axis. */
import type { ScaleLinear } from 'd3-scale';

/** A share as a whole percent, "87 %". */
export const pct = (v: number): string => `${Math.round(v * 100)} %`;

/** The vertical scale of a chart: a share to a y coordinate. */
export type ShareScale = ScaleLinear<number, number>;

/** What a chart on the share scale takes besides its data. */
export interface ShareChartProps {
	/** a share 0..1, drawn as a dashed line */
	target?: number | null;
	targetLabel?: string;
	/** the chart's name for screen readers (its `<title>` and label) */
	title: string;
	width?: number;
	height?: number;
	/** said where a value is missing */
	noValue?: string;
}
