/* The pane's layout pieces every journey shares: the form's styles, a titled section, and the
   notice shown where a journey needs a workbook and there is none. */
import type { ReactNode } from "react";
import { MessageBar, MessageBarBody, makeStyles } from "@fluentui/react-components";

export const useStyles = makeStyles({
  form: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: "12px", maxWidth: "640px" },
  pair: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(240px, 1fr))",
    gap: "8px 16px",
    alignItems: "end",
    "& > *": { minWidth: 0 },
  },
  actions: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
});

export function NeedsWorkbook({ feature }: { feature: string }) {
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        {feature} needs a workbook. Open PbR Toolkit inside Excel, or try it in the playground, to use it.
      </MessageBarBody>
    </MessageBar>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset style={{ border: "none", margin: 0, padding: 0, minWidth: 0, display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: 8 }}>
      <legend style={{ fontWeight: 600, marginBottom: 4 }}>{title}</legend>
      {children}
    </fieldset>
  );
}
