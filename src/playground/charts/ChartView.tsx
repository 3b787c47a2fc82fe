/**
 * Draws a recorded chart (line or bar) as SVG where Excel would draw a native chart. The data
 * range's first row names the series, its first column holds the categories (x axis).
 */
import { useRef, useState, type RefObject } from "react";
import type { ChartSpec } from "../../workbook/port";
import { download, fileNameOf, svgText, svgToPng } from "../export/download";
import { formatValue, general } from "../format";

export interface ChartData {
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

/**
 * Read a chart's data from the cell values of its range (header row first). `categoryFormats`
 * holds the number format of each category cell (below the header), so the axis reads as the
 * sheet does ("-10.0%", not "-0.1"), as in Excel.
 */
export function chartData(values: readonly (readonly unknown[])[], categoryFormats: readonly (string | undefined)[] = []): ChartData {
  const [header = [], ...rows] = values;
  const categories = rows.map((r, i) => (r[0] === null || r[0] === undefined ? "" : formatValue(r[0], categoryFormats[i])));
  const series = header.slice(1).map((name, i) => ({
    name: String(name ?? `Series ${i + 1}`),
    values: rows.map((r) => (typeof r[i + 1] === "number" && Number.isFinite(r[i + 1]) ? (r[i + 1] as number) : null)),
  }));
  return { categories, series };
}

const COLOURS = ["#0f6cbd", "#c50f1f", "#107c10", "#8764b8", "#ca5010", "#038387"];
const W = 520;
const H = 300;
const PAD = { left: 64, right: 16, top: 36, bottom: 56 };

function niceTicks(min: number, max: number, count = 5): number[] {
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let t = Math.floor(min / step) * step; t <= max + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** Label every k-th category so that no two x-axis labels (10 px text) overlap. */
export function labelStep(categories: readonly string[], band: number): number {
  const widest = categories.reduce((w, c) => Math.max(w, c.length), 0) * 5.6 + 8;
  return Math.max(1, Math.ceil(categories.length / 12), Math.ceil(widest / Math.max(1, band)));
}

const short = (n: number) =>
  Math.abs(n) >= 1e6 ? `${general(n / 1e6)}m` : Math.abs(n) >= 1e4 ? `${general(n / 1e3)}k` : general(n);

/** Buttons that save the chart as SVG (for editing) or PNG (for a board paper). */
function ChartDownloads({ title, svg }: { title: string; svg: RefObject<SVGSVGElement | null> }) {
  const [problem, setProblem] = useState("");
  const save = (kind: "svg" | "png") => {
    const el = svg.current;
    if (!el) return;
    setProblem("");
    if (kind === "svg") download(new Blob([svgText(el)], { type: "image/svg+xml" }), fileNameOf(title, "svg"));
    else
      svgToPng(el).then(
        (png) => download(png, fileNameOf(title, "png")),
        (e) => setProblem(e instanceof Error ? e.message : String(e))
      );
  };
  return (
    <div className="pbr-chart-tools">
      <button type="button" onClick={() => save("svg")} aria-label={`Download chart ${title} as SVG`}>
        SVG
      </button>
      <button type="button" onClick={() => save("png")} aria-label={`Download chart ${title} as PNG`}>
        PNG
      </button>
      {problem && <span role="alert">{problem}</span>}
    </div>
  );
}

export function ChartView({ spec, data }: { spec: ChartSpec; data: ChartData }) {
  const svg = useRef<SVGSVGElement>(null);
  const numbers = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const label = `${spec.type === "bar" ? "Bar" : "Line"} chart: ${spec.title}`;
  if (numbers.length === 0) {
    return (
      <figure className="pbr-chart" aria-label={label} data-chart={spec.type}>
        <figcaption>{spec.title}</figcaption>
        <p>No numbers to chart yet in {spec.dataAddress}.</p>
      </figure>
    );
  }
  const ticks = niceTicks(Math.min(0, ...numbers), Math.max(0, ...numbers));
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;
  const n = Math.max(1, data.categories.length);
  const band = plotW / n;
  const xMid = (i: number) => PAD.left + band * (i + 0.5);
  const labelEvery = labelStep(data.categories, band);
  return (
    <figure className="pbr-chart" aria-label={label} data-chart={spec.type}>
      <ChartDownloads title={spec.title} svg={svg} />
      <svg ref={svg} xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label} fontFamily="Segoe UI, Arial, sans-serif">
        <rect x={0} y={0} width={W} height={H} fill="#fff" />
        <text x={W / 2} y={20} textAnchor="middle" fontSize={13} fontWeight={600}>
          {spec.title}
        </text>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke={t === 0 ? "#888" : "#e0e0e0"} />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize={10}>
              {short(t)}
            </text>
          </g>
        ))}
        {data.categories.map((c, i) =>
          i % labelEvery === 0 ? (
            <text key={i} x={xMid(i)} y={H - PAD.bottom + 14} textAnchor="middle" fontSize={10}>
              {c}
            </text>
          ) : null
        )}
        {spec.type === "bar"
          ? data.series.map((s, k) =>
              s.values.map((v, i) => {
                if (v === null) return null;
                const bw = (band * 0.8) / data.series.length;
                const x = PAD.left + band * i + band * 0.1 + bw * k;
                return (
                  <rect key={`${k}-${i}`} x={x} width={Math.max(1, bw - 1)} y={Math.min(y(v), y(0))} height={Math.abs(y(v) - y(0))} fill={COLOURS[k % COLOURS.length]}>
                    <title>{`${s.name}, ${data.categories[i]}: ${general(v)}`}</title>
                  </rect>
                );
              })
            )
          : data.series.map((s, k) => {
              const points = s.values.map((v, i) => (v === null ? null : `${xMid(i)},${y(v)}`)).filter(Boolean);
              return <polyline key={k} fill="none" stroke={COLOURS[k % COLOURS.length]} strokeWidth={2} points={points.join(" ")} />;
            })}
        {data.series.map((s, k) => (
          <g key={s.name + k} transform={`translate(${PAD.left + (k % 3) * 150}, ${H - 28 + Math.floor(k / 3) * 14})`}>
            <rect width={10} height={10} y={-9} fill={COLOURS[k % COLOURS.length]} />
            <text x={14} fontSize={10}>
              {s.name}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
