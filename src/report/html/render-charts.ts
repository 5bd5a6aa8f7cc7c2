import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { StanceCategory } from '../../lexicon/stance-category.js';
import type { ClaimFigures, PageFigures, StanceCounts } from './aggregate-report.js';
import { NO_STANCE_COLOUR } from './html-text.js';

/** Width of every chart, in CSS pixels; the page is laid out for it. */
export const CHART_WIDTH = 900;
/** Characters of a page title or claim label kept on an axis. */
const AXIS_LABEL_CHARS = 48;
const FONT = { fontFamily: 'system-ui, sans-serif', fontSize: 12 };

/**
 * Render one echarts option to a static SVG string, on the server (no DOM, no script in the page).
 * echarts escapes the texts it writes into the SVG.
 */
export function renderChart(option: EChartsCoreOption, width: number, height: number): string {
  use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]); // idempotent registration
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: FONT, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const share = (n: number, of: number): number => (of === 0 ? 0 : Math.round((1000 * n) / of) / 10);
const shorten = (s: string): string => (s.length <= AXIS_LABEL_CHARS ? s : `${s.slice(0, AXIS_LABEL_CHARS - 1)}…`);
const percentAxis = { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } };
// Text widths are estimated on the server: a wide gap keeps legend entries apart in any browser font.
const LEGEND_GAP = 34;
const legend = (categories: readonly StanceCategory[]): object => ({ top: 0, itemGap: LEGEND_GAP, data: categories.map((c) => c.name) });
const count = (c: StanceCounts | undefined, s: StanceCategory): number => c?.byStance.get(s.name) ?? 0;

function stanceSeries(categories: readonly StanceCategory[], values: (s: StanceCategory) => number[], extra: Record<string, unknown> = {}): object[] {
  return categories.map((s) => ({ name: s.name, type: 'bar', data: values(s), itemStyle: { color: s.colour }, ...extra }));
}

/** Share of all units carrying each stance, and of units carrying none. */
export function overallChart(c: StanceCounts, categories: readonly StanceCategory[]): string {
  const rows = [...categories.map((s) => ({ name: s.name, n: count(c, s), colour: s.colour })), { name: 'no stance', n: c.none, colour: NO_STANCE_COLOUR }];
  return renderChart({
    grid: { left: 110, right: 90, top: 10, bottom: 30 },
    xAxis: percentAxis,
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name) },
    series: [{
      type: 'bar', barWidth: 22,
      data: rows.map((r) => ({ value: share(r.n, c.units), itemStyle: { color: r.colour }, label: { show: true, position: 'right', formatter: `{c} % (${r.n.toLocaleString('en-US')})` } })),
    }],
  }, CHART_WIDTH, 190);
}

/** Share of units per stance on the pages with the most units. */
export function pagesChart(pages: readonly PageFigures[], categories: readonly StanceCategory[]): string {
  const labels = pages.map((p) => shorten(`(${p.stances.units.toLocaleString('en-US')}) ${p.title ?? p.id}`));
  return renderChart({
    legend: legend(categories), grid: { left: 330, right: 30, top: 30, bottom: 30 },
    xAxis: percentAxis,
    yAxis: { type: 'category', inverse: true, data: labels, axisLabel: { width: 310, overflow: 'truncate' } },
    series: stanceSeries(categories, (s) => pages.map((p) => share(count(p.stances, s), p.stances.units)), { barGap: '0%', barMaxWidth: 10 }),
  }, CHART_WIDTH, 70 + pages.length * 34);
}

/** Units per month (grey bars, right axis) and the share of them carrying each stance (lines). */
export function monthsChart(months: ReadonlyMap<string, StanceCounts>, categories: readonly StanceCategory[]): string {
  const keys = [...months.keys()].sort();
  const get = (k: string): StanceCounts => months.get(k)!;
  return renderChart({
    legend: { top: 0, itemGap: LEGEND_GAP, data: [...categories.map((c) => c.name), 'units'] },
    grid: { left: 60, right: 70, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: keys },
    yAxis: [{ ...percentAxis, name: 'share of units' }, { type: 'value', name: 'units', splitLine: { show: false } }],
    series: [
      { name: 'units', type: 'bar', yAxisIndex: 1, data: keys.map((k) => get(k).units), itemStyle: { color: '#d5d8dc' }, barMaxWidth: 40 },
      ...categories.map((s) => ({ name: s.name, type: 'line', data: keys.map((k) => share(count(get(k), s), get(k).units)), itemStyle: { color: s.colour }, lineStyle: { width: 2 }, symbolSize: 6 })),
    ],
  }, CHART_WIDTH, 320);
}

/** A claim as the claim charts need it: contract counts from claims.csv plus the report's own figures. */
export interface ClaimSummary {
  readonly id: string;
  readonly label: string;
  readonly mentions: number;
  readonly pages: number;
  readonly authors: number;
  readonly figures?: ClaimFigures;
}

const claimName = (c: ClaimSummary): string => shorten(c.label || c.id);

/** Mentions, pages and authors of each claim. */
export function claimsChart(claims: readonly ClaimSummary[]): string {
  const palette = ['#4c566a', '#8fa1b3', '#c9a227'];
  const measures = [['mentions', (c: ClaimSummary) => c.mentions], ['pages', (c: ClaimSummary) => c.pages], ['authors', (c: ClaimSummary) => c.authors]] as const;
  return renderChart({
    legend: { top: 0, itemGap: LEGEND_GAP }, grid: { left: 330, right: 40, top: 30, bottom: 30 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: claims.map(claimName), axisLabel: { width: 310, overflow: 'truncate' } },
    series: measures.map(([name, f], i) => ({ name, type: 'bar', data: claims.map(f), itemStyle: { color: palette[i] }, barGap: '0%', barMaxWidth: 10, label: { show: true, position: 'right', fontSize: 10 } })),
  }, CHART_WIDTH, 70 + claims.length * 36);
}

/** Mentions of each claim per month, stacked. */
export function claimTimelineChart(claims: readonly ClaimSummary[]): string {
  const months = [...new Set(claims.flatMap((c) => [...(c.figures?.months.keys() ?? [])]))].sort();
  const palette = ['#4477AA', '#EE6677', '#228833', '#CCBB44', '#66CCEE', '#AA3377', '#BBBBBB', '#000000'];
  return renderChart({
    color: palette,
    legend: { top: 0, itemGap: LEGEND_GAP }, grid: { left: 50, right: 20, top: 30 + 22 * Math.ceil(claims.length / 3), bottom: 40 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', name: 'mentions', minInterval: 1 },
    series: claims.map((c) => ({ name: claimName(c), type: 'bar', stack: 'claims', barMaxWidth: 40, data: months.map((m) => c.figures?.months.get(m) ?? 0) })),
  }, CHART_WIDTH, 300 + 22 * Math.ceil(claims.length / 3));
}

/** Share of the units carrying each claim that carry each stance. */
export function claimStanceChart(claims: readonly ClaimSummary[], categories: readonly StanceCategory[]): string {
  const units = (c: ClaimSummary): StanceCounts | undefined => c.figures?.stances;
  return renderChart({
    legend: legend(categories), grid: { left: 330, right: 30, top: 30, bottom: 30 },
    xAxis: percentAxis,
    yAxis: { type: 'category', inverse: true, data: claims.map((c) => `${claimName(c)} (${(units(c)?.units ?? 0).toLocaleString('en-US')})`), axisLabel: { width: 310, overflow: 'truncate' } },
    series: stanceSeries(categories, (s) => claims.map((c) => share(count(units(c), s), units(c)?.units ?? 0)), { barGap: '0%', barMaxWidth: 10 }),
  }, CHART_WIDTH, 70 + claims.length * 34);
}
