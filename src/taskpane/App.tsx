/* The task pane shell: a heading, where we are running, and one tab per feature. Features reach the
   workbook only through the WorkbookPort they are given (null in a plain browser). */
import { useMemo, useState } from "react";
import {
  Body1,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  messageBarBodyClassNames,
  Tab,
  TabList,
  Text,
  Title2,
  webLightTheme,
} from "@fluentui/react-components";
import type { WorkbookPort } from "../workbook/port";
import { SetupModel } from "./setup/SetupModel";
import { ClusterAssistant } from "./assistant/ClusterAssistant";
import { ScenarioRunner } from "./scenario/ScenarioRunner";
import { BudgetPlanner } from "./budget/BudgetPlanner";
import { ClusterAudit } from "./audit/ClusterAudit";
import { ImportCaseload } from "./import/ImportCaseload";
import { ActivityGroups } from "./activity/ActivityGroups";
import { WorkbookTables, useTableListing } from "./ui/tableHooks";
import { ModelYearContext } from "./ui/modelYear";

export interface AppProps {
  /** The Office host ("Excel"), another host name (e.g. the playground), or null outside Office. */
  host: string | null;
  /** The workbook to work on, or null when there is none (a plain browser). */
  port: WorkbookPort | null;
  /** Tab to open first (default "setup"). */
  initialTab?: FeatureId;
  /** Why the workbook cannot be used (e.g. an Excel too old for the add-in), shown as a warning. */
  notice?: string;
}

export type FeatureId =
  "setup" | "import" | "assistant" | "scenario" | "budget" | "audit" | "activity";

export const FEATURES: { id: FeatureId; label: string }[] = [
  { id: "setup", label: "Set up model" },
  { id: "import", label: "Import caseload" },
  { id: "assistant", label: "Cluster assistant" },
  { id: "scenario", label: "Scenario runner" },
  { id: "budget", label: "Budget planner" },
  { id: "audit", label: "Cluster audit" },
  { id: "activity", label: "Resource groups" },
];

function Feature({
  id,
  port,
  active,
}: {
  id: FeatureId;
  port: WorkbookPort | null;
  active: boolean;
}) {
  switch (id) {
    case "setup":
      return <SetupModel port={port} />;
    case "import":
      return <ImportCaseload port={port} />;
    case "assistant":
      return <ClusterAssistant port={port} active={active} />;
    case "scenario":
      return <ScenarioRunner port={port} active={active} />;
    case "budget":
      return <BudgetPlanner port={port} active={active} />;
    case "audit":
      return <ClusterAudit port={port} active={active} />;
    case "activity":
      return <ActivityGroups port={port} active={active} />;
  }
}

// Messages quote formulas, sheet names and file names, which can be long unbroken words: wrap them
// inside the pane rather than let them run past its edge.
const focusStyle = `
  .pbr-pane :focus-visible { outline: 2px solid #0f6cbd; outline-offset: 2px; }
  .pbr-pane .${messageBarBodyClassNames.root} { overflow-wrap: anywhere; }
`;

export function App({ host, port, initialTab = "setup", notice }: AppProps) {
  const [tab, setTab] = useState<FeatureId>(initialTab);
  // One listing of the workbook's tables for every journey's pickers, read again on each change.
  const tables = useTableListing(port);
  const [year, setYear] = useState<number | null>(null);
  const modelYear = useMemo(() => ({ year, setYear }), [year]);
  let status: string;
  if (host && port) status = `Connected to ${host}.`;
  else if (host)
    status = `Connected to ${host}, but no workbook is available: worksheet actions are unavailable.`;
  else status = "Running outside Excel: worksheet actions are unavailable here.";

  return (
    <FluentProvider theme={webLightTheme} lang="en-GB">
      <style>{focusStyle}</style>
      <main
        className="pbr-pane"
        style={{ padding: 16, display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: 12 }}
      >
        <Title2 as="h1">PbR Toolkit</Title2>
        <Body1>
          Care clusters, prices by cluster, risk-share settlements and stepped personal budgets, as
          worksheet functions in the <Text weight="semibold">PBR</Text> namespace.
        </Body1>
        <Caption1 role="status" data-testid="host-status">
          {status}
        </Caption1>
        {notice && (
          <MessageBar intent="warning" layout="multiline" role="alert" data-testid="host-notice">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        <nav aria-label="Features">
          <TabList
            selectedValue={tab}
            onTabSelect={(_, d) => setTab(d.value as FeatureId)}
            size="small"
            style={{ flexWrap: "wrap" }}
          >
            {FEATURES.map((f) => (
              <Tab
                key={f.id}
                value={f.id}
                id={`pbr-tab-${f.id}`}
                aria-controls={`pbr-panel-${f.id}`}
              >
                {f.label}
              </Tab>
            ))}
          </TabList>
        </nav>
        {/* Every panel stays mounted so typed inputs and a running write survive a change of tab. */}
        <WorkbookTables.Provider value={port ? tables : null}>
        <ModelYearContext.Provider value={modelYear}>
        {FEATURES.map((f) => (
          <section
            key={f.id}
            role="tabpanel"
            id={`pbr-panel-${f.id}`}
            aria-labelledby={`pbr-tab-${f.id}`}
            hidden={f.id !== tab}
          >
            <Feature id={f.id} port={port} active={f.id === tab} />
          </section>
        ))}
        </ModelYearContext.Provider>
        </WorkbookTables.Provider>
      </main>
    </FluentProvider>
  );
}
