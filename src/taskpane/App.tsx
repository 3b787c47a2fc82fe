/* The task pane shell. Features (set up model, import, scenarios, budgets, audit) plug in here. */
import type { WorkbookPort } from "../workbook/port";
import { FluentProvider, Text, Title2, Body1, Caption1, webLightTheme } from "@fluentui/react-components";

export interface AppProps {
  /** The Office host ("Excel") or null when running outside Office. */
  host: string | null;
  port?: WorkbookPort | null;
}

export function App({ host }: AppProps) {
  return (
    <FluentProvider theme={webLightTheme} lang="en-GB">
      <main style={{ padding: 16, display: "grid", gap: 12 }}>
        <Title2 as="h1">PbR Toolkit</Title2>
        <Body1>
          Care clusters, prices by cluster, risk-share settlements and stepped personal budgets, as worksheet
          functions in the <Text weight="semibold">PBR</Text> namespace.
        </Body1>
        <Caption1 role="status" data-testid="host-status">
          {host ? `Connected to ${host}.` : "Running outside Excel: worksheet actions are unavailable here."}
        </Caption1>
        <Body1>
          Try <code>=PBR.CLUSTER(A2:R2)</code> on a row of 18 MHCT ratings. The built-in cluster profile is
          indicative, not the national Clustering Booklet grid: load your trust&apos;s own as a profile table.
        </Body1>
      </main>
    </FluentProvider>
  );
}
