/**
 * A chart's numbers as a table, the text alternative to the picture: categories down, series
 * across, values in the chart's number format. Behind a "Show data" disclosure (a native
 * details/summary, so it opens from the keyboard and screen readers announce it as expandable).
 */
import type { ChartData } from "./ChartView";

export function ChartTable({
  id,
  title,
  data,
  valueText,
}: {
  id: string;
  title: string;
  data: ChartData;
  valueText: (v: number) => string;
}) {
  return (
    <details className="pbr-chart-data" id={id}>
      <summary>Show data</summary>
      {/* Scrolls when long: focusable so the keyboard can scroll it too. */}
      <div
        className="pbr-chart-table"
        tabIndex={0}
        role="region"
        aria-label={`Data for chart: ${title}`}
      >
        <table>
          <caption>Data for chart: {title}</caption>
          <thead>
            <tr>
              <th scope="col">{data.categoryName || "Category"}</th>
              {data.series.map((s, k) => (
                <th key={k} scope="col">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.categories.map((c, i) => (
              <tr key={i}>
                <th scope="row">{c}</th>
                {data.series.map((s, k) => {
                  const v = s.values[i];
                  return <td key={k}>{v === null ? "" : valueText(v)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
