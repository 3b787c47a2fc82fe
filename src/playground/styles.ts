/** The playground's own styles (the grid is plain elements for speed; Fluent UI styles the rest). */
export const PLAYGROUND_CSS = `
.pbr-page { display: grid; grid-template-columns: minmax(0, 1fr) 380px; grid-template-rows: auto minmax(0, 1fr); height: 100vh; }
.pbr-banner { grid-column: 1 / 3; display: flex; gap: 16px; align-items: center; padding: 6px 12px; background: #0f6cbd; color: #fff; font-size: 13px; }
.pbr-banner strong { font-size: 14px; }
.pbr-book { display: grid; grid-template-rows: auto auto auto minmax(0, 1fr) auto; min-width: 0; border-right: 1px solid #d1d1d1; }
.pbr-bar { display: grid; grid-template-columns: 96px auto minmax(0, 1fr); gap: 6px; align-items: center; padding: 6px 8px; border-bottom: 1px solid #e0e0e0; }
.pbr-fx { font-style: italic; color: #616161; padding: 0 4px; }
.pbr-scroller { position: relative; overflow: auto; background: #fff; }
.pbr-grid { position: relative; font-size: 12.5px; outline: none; }
.pbr-grid:focus-visible .pbr-selected { outline: 2px solid #0f6cbd; outline-offset: -2px; }
.pbr-cell { position: absolute; box-sizing: border-box; padding: 0 4px; line-height: 23px; border-right: 1px solid #ececec; border-bottom: 1px solid #ececec; white-space: nowrap; overflow: hidden; cursor: cell; }
.pbr-cell.pbr-overflow { overflow: visible; }
.pbr-runon { display: block; overflow: hidden; white-space: nowrap; }
.pbr-selected { outline: 2px solid #0f6cbd; outline-offset: -2px; z-index: 1; background: #ebf3fc; }
.pbr-error { color: #b10e1c; }
.pbr-link { color: #0f6cbd; text-decoration: underline; cursor: pointer; }
.pbr-frozen-cell { z-index: 2; background: #fff; }
.pbr-frozen-panes { position: absolute; top: 0; left: 0; }
.pbr-colheads { position: absolute; left: 0; height: 24px; z-index: 3; }
.pbr-colhead, .pbr-rowhead, .pbr-corner { position: absolute; box-sizing: border-box; background: #f5f5f5; color: #424242; font-size: 11.5px; text-align: center; line-height: 23px; border-right: 1px solid #d1d1d1; border-bottom: 1px solid #d1d1d1; }
.pbr-corner { z-index: 4; }
.pbr-row { position: absolute; left: 0; }
.pbr-row > .pbr-rowhead { z-index: 2; }
.pbr-frozen-rowhead { z-index: 3; background: #f0f5fb; font-weight: 600; }
.pbr-chart-layer { position: absolute; top: 0; left: 0; width: 0; height: 0; }
.pbr-head-active { background: #cfe4fa; color: #0f548c; font-weight: 600; }
.pbr-editor { position: absolute; z-index: 5; box-sizing: border-box; font: inherit; padding: 0 4px; border: 2px solid #0f6cbd; }
.pbr-chart-box { position: absolute; z-index: 1; box-shadow: 0 2px 8px rgba(0,0,0,.18); background: #fff; }
.pbr-chart { margin: 0; position: relative; }
.pbr-chart-tools { position: absolute; top: 4px; right: 4px; display: flex; gap: 4px; font-size: 11px; }
.pbr-visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.pbr-chart-data { font-size: 12px; border-top: 1px solid #e0e0e0; }
.pbr-chart-data summary { cursor: pointer; padding: 4px 8px; color: #0f548c; }
.pbr-chart-table { max-height: 220px; overflow: auto; padding: 0 8px 8px; }
.pbr-chart-table table { border-collapse: collapse; }
.pbr-chart-table caption { text-align: left; font-weight: 600; padding: 2px 0; }
.pbr-chart-table th, .pbr-chart-table td { border: 1px solid #e0e0e0; padding: 1px 6px; text-align: right; white-space: nowrap; }
.pbr-chart-table th[scope="col"] { background: #f5f5f5; }
.pbr-chart-tools button { font: inherit; padding: 1px 6px; border: 1px solid #c8c8c8; background: #fff; border-radius: 3px; cursor: pointer; }
.pbr-formula-help { position: fixed; z-index: 30; box-sizing: border-box; max-width: min(560px, 90vw); max-height: 160px; overflow: auto; padding: 4px 8px; font-size: 12px; background: #f5f9ff; border: 1px solid #c7d9f2; box-shadow: 0 2px 8px rgba(0,0,0,.18); }
.pbr-formula-help ul { margin: 0; padding-left: 16px; }
.pbr-formula-help[data-empty="true"] { display: none; }
.pbr-help-chosen { background: #cfe4fa; }
.pbr-help-keys { color: #616161; margin-top: 2px; }
.pbr-cell-status { padding: 2px 8px; font-size: 12px; min-height: 18px; border-bottom: 1px solid #e0e0e0; color: #424242; overflow-wrap: anywhere; }
.pbr-cell-status[data-error="true"] { color: #b10e1c; }
.pbr-chart figcaption, .pbr-chart p { padding: 8px 12px; margin: 0; }
.pbr-tabs { border-top: 1px solid #e0e0e0; overflow-x: auto; background: #fafafa; }
.pbr-pane { overflow: auto; min-width: 0; }
.pbr-in-range { background: #e3eefa; }
.pbr-frozen-head { z-index: 2; background: #f0f5fb; font-weight: 600; box-shadow: 0 1px 2px rgba(0,0,0,.15); }
.pbr-col-resize { position: absolute; top: 0; right: 0; width: 6px; height: 100%; cursor: col-resize; }
.pbr-filter-btn { position: absolute; top: 2px; right: 2px; width: 18px; height: 18px; padding: 0; display: flex; align-items: center; justify-content: center; font-size: 11px; line-height: 1; color: #424242; background: #fff; border: 1px solid #c8c8c8; border-radius: 2px; cursor: pointer; z-index: 1; }
.pbr-filter-btn:focus-visible { outline: 2px solid #0f6cbd; outline-offset: 0; }
.pbr-filter-on { color: #0f548c; background: #ebf3fc; border-color: #0f6cbd; }
.pbr-rowhead-filtered { color: #0f548c; }
.pbr-filter-status:empty { padding: 0; border: 0; }
.pbr-filter-status { display: flex; flex-wrap: wrap; gap: 12px; padding: 2px 8px; font-size: 12px; border-bottom: 1px solid #e0e0e0; background: #f5f9ff; }
.pbr-filter-line { display: inline-flex; align-items: center; gap: 6px; }
.pbr-filter-popup { display: flex; flex-direction: column; gap: 4px; width: 260px; }
.pbr-filter-values { display: flex; flex-direction: column; max-height: 240px; overflow: auto; border: 1px solid #e0e0e0; }
.pbr-filter-actions { display: flex; gap: 8px; justify-content: flex-end; }
`;
