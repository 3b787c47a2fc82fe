import { cellsIn, marshalled } from "../../support/marshalModel";

describe("marshalling model", () => {
  it("counts the cells of each range argument", () => {
    expect(cellsIn("$D$5:$U$8")).toBe(72);
    expect(cellsIn("Prices!$A$4:$D$25")).toBe(88);
    expect(cellsIn("'Cluster audit'!C5")).toBe(1);
    expect(cellsIn('"period"')).toBe(0);
  });

  it("counts calls and their marshalled cells, nested or inside IF", () => {
    expect(marshalled(['=IF($V$5:$V$8<>"",$V$5:$V$8,PBR.CLUSTERCHECK($D$5:$U$8,$C$5:$C$8,Profile!$A$3:$G$4))', "plain", 3])).toEqual({
      calls: 1,
      cells: 72 + 4 + 14,
    });
    expect(marshalled(["=INDEX(PBR.RASBUILDUP(B12,C12,Prices!$A$4:$D$25,,$B$7),1,1)", "=PBR.RASBUDGET(B12,C12)"])).toEqual({ calls: 2, cells: 1 + 1 + 88 + 1 + 2 });
  });
});
