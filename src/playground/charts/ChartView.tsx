/**
 * Draws a recorded chart (line or bar) as SVG where Excel would draw a native chart. The data
 * range's first row names the series, its first column holds the categories (x axis). Each series
 * has its own colour from the palette Excel's charts get too (workbook/chartStyle.ts), the value
 * axis reads in the chart's number format ("£#,##0"), and under "Show data" the same numbers are a
 * table, for anyone who cannot see the chart.
 */
import { useId, useRef, useState, type RefObject } from "react";
import type { ChartSpec } from "../../workbook/port";
import { BAR_OUTLINE, seriesColour } from "../../workbook/chartStyle";
import { download, fileNameOf, svgText, svgToPng } from "../export/download";
import { formatValue } from "../format";
import { axisText, chartLayout, labelStep } from "./chartLayout";
import { ChartTable } from "./ChartTable";

export { labelStep };

export interface ChartData {
  /** The first column's header (what the categories are), "" when blank. */
  categoryName: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

/**
 * Read a chart's data from the cell values of its range (header row first). `categoryFormats`
 * holds the number format of each category cell (below the header), so the axis reads as the
 * sheet does ("-10.0%", not "-0.1"), as in Excel.
 */
export function chartData(
  values: readonly (readonly unknown[])[],
  categoryFormats: readonly (string | undefined)[] = []
): ChartData {
  const [header = [], ...rows] = values;
  const categories = rows.map((r, i) =>
    r[0] === null || r[0] === undefined ? "" : formatValue(r[0], categoryFormats[i])
  );
  const series = header.slice(1).map((name, i) => ({
    name: name === null || name === undefined || name === "" ? `Series ${i + 1}` : String(name),
    values: rows.map((r) =>
      typeof r[i + 1] === "number" && Number.isFinite(r[i + 1]) ? (r[i + 1] as number) : null
    ),
  }));
  const first = header[0];
  return {
    categoryName: first === null || first === undefined ? "" : String(first),
    categories,
    series,
  };
}

/** Buttons that save the chart as SVG (for editing) or PNG (for a board paper). */
function ChartDownloads({ title, svg }: { title: string; svg: RefObject<SVGSVGElement | null> }) {
  const [problem, setProblem] = useState("");
  const save = (kind: "svg" | "png") => {
    const el = svg.current;
    if (!el) return;
    setProblem("");
    if (kind === "svg")
      download(new Blob([svgText(el)], { type: "image/svg+xml" }), fileNameOf(title, "svg"));
    else
      svgToPng(el).then(
        (png) => download(png, fileNameOf(title, "png")),
        (e) => setProblem(e instanceof Error ? e.message : String(e))
      );
  };
  return (
    <div className="pbr-chart-tools">
      <button
        type="button"
        onClick={() => save("svg")}
        aria-label={`Download chart ${title} as SVG`}
      >
        SVG
      </button>
      <button
        type="button"
        onClick={() => save("png")}
        aria-label={`Download chart ${title} as PNG`}
      >
        PNG
      </button>
      {problem && <span role="alert">{problem}</span>}
    </div>
  );
}

export function ChartView({ spec, data }: { spec: ChartSpec; data: ChartData }) {
  const svg = useRef<SVGSVGElement>(null);
  const tableId = useId();
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
  const layout = chartLayout(
    spec.title,
    numbers,
    data.series.map((s) => s.name),
    spec.valueFormat
  );
  const { width: W, height: H, plot, ticks } = layout;
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const y = (v: number) => plot.bottom - ((v - lo) / (hi - lo || 1)) * (plot.bottom - plot.top);
  const n = Math.max(1, data.categories.length);
  const band = (plot.right - plot.left) / n;
  const xMid = (i: number) => plot.left + band * (i + 0.5);
  const labelEvery = labelStep(data.categories, band);
  const valueText = (v: number) => axisText(v, spec.valueFormat);
  return (
    <figure className="pbr-chart" aria-label={label} data-chart={spec.type}>
      <ChartDownloads title={spec.title} svg={svg} />
      <svg
        ref={svg}
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-label={`${label}. ${data.series.length} series: ${data.series.map((s) => s.name).join(", ")}. The numbers are in the table under Show data.`}
        aria-details={tableId}
        fontFamily="Segoe UI, Arial, sans-serif"
      >
        <rect x={0} y={0} width={W} height={H} fill="#fff" />
        <text
          x={W / 2}
          y={20}
          textAnchor="middle"
          fontSize={13}
          fontWeight={600}
          data-chart-title=""
        >
          {layout.titleLines.map((line, i) => (
            <tspan key={i} x={W / 2} dy={i === 0 ? 0 : 17}>
              {line}
            </tspan>
          ))}
        </text>
        {ticks.map((t, i) => (
          <g key={t}>
            <line
              x1={plot.left}
              x2={plot.right}
              y1={y(t)}
              y2={y(t)}
              stroke={t === 0 ? "#888" : "#e0e0e0"}
            />
            <text x={plot.left - 6} y={y(t) + 4} textAnchor="end" fontSize={10} data-axis="value">
              {layout.tickLabels[i]}
            </text>
          </g>
        ))}
        {data.categories.map((c, i) =>
          i % labelEvery === 0 ? (
            <text
              key={i}
              x={xMid(i)}
              y={plot.bottom + 14}
              textAnchor="middle"
              fontSize={10}
              data-axis="category"
            >
              {c}
            </text>
          ) : null
        )}
        {spec.type === "bar"
          ? data.series.map((s, k) =>
              s.values.map((v, i) => {
                if (v === null) return null;
                const bw = (band * 0.8) / data.series.length;
                const x = plot.left + band * i + band * 0.1 + bw * k;
                return (
                  <rect
                    key={`${k}-${i}`}
                    data-series={k}
                    x={x}
                    width={Math.max(1, bw - 1)}
                    y={Math.min(y(v), y(0))}
                    height={Math.abs(y(v) - y(0))}
                    fill={seriesColour(k)}
                    stroke={BAR_OUTLINE}
                    strokeWidth={0.5}
                  >
                    <title>{`${s.name}, ${data.categories[i]}: ${valueText(v)}`}</title>
                  </rect>
                );
              })
            )
          : data.series.map((s, k) => {
              const points = s.values
                .map((v, i) => (v === null ? null : `${xMid(i)},${y(v)}`))
                .filter(Boolean);
              return (
                <polyline
                  key={k}
                  data-series={k}
                  fill="none"
                  stroke={seriesColour(k)}
                  strokeWidth={2.5}
                  points={points.join(" ")}
                />
              );
            })}
        {layout.legend.map((item, k) => (
          <g
            key={item.name + k}
            transform={`translate(${item.x}, ${item.y})`}
            data-legend={item.name}
          >
            <rect
              width={10}
              height={10}
              y={-9}
              fill={seriesColour(k)}
              stroke={BAR_OUTLINE}
              strokeWidth={0.5}
            />
            <text x={14} fontSize={10}>
              {item.name}
            </text>
          </g>
        ))}
      </svg>
      <ChartTable id={tableId} title={spec.title} data={data} valueText={valueText} />
    </figure>
  );
}
