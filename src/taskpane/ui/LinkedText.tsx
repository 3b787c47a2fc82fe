/* A message whose row references are links: each selects its cell in the workbook (the sheet is
   shown and scrolled to it), in Excel as in the playground. */
import { Link } from "@fluentui/react-components";
import { splitLinks, type CellLink } from "../plan/rowRefs";
import type { WorkbookPort } from "../../workbook/port";

export function LinkedText({
  text,
  links,
  port,
}: {
  text: string;
  links?: readonly CellLink[];
  port?: WorkbookPort | null;
}) {
  if (!port || !links || links.length === 0) return <>{text}</>;
  return (
    <>
      {splitLinks(text, links).map((part, i) =>
        typeof part === "string" ? (
          part
        ) : (
          <Link
            key={i}
            as="button"
            inline
            data-cell-link={`${part.sheet}!${part.address}`}
            title={`Go to ${part.sheet}!${part.address}`}
            // A sheet deleted since the message was written: the click does nothing.
            onClick={() => void port.select(part.sheet, part.address).catch(() => undefined)}
          >
            {part.text}
          </Link>
        )
      )}
    </>
  );
}
