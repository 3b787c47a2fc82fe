import fc from "fast-check";
import { detectEncoding, firstInvalidUtf8 } from "../../../src/core/caseload/encoding";
import { decodeBytes } from "../../../src/taskpane/import/decode";

const bytes = (...b: number[]) => Uint8Array.from(b);

describe("encoding detection", () => {
  it("trusts a byte-order mark first", () => {
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0x41))).toMatchObject({
      encoding: "utf-8",
      bomBytes: 3,
    });
    expect(detectEncoding(bytes(0xff, 0xfe, 0x41, 0))).toMatchObject({
      encoding: "utf-16le",
      bomBytes: 2,
    });
    expect(detectEncoding(bytes(0xfe, 0xff, 0, 0x41))).toMatchObject({
      encoding: "utf-16be",
      bomBytes: 2,
    });
  });

  it("reads valid UTF-8 (and plain ASCII) as UTF-8, anything else as Windows-1252", () => {
    expect(detectEncoding(new TextEncoder().encode("Café, £1, Équipe")).encoding).toBe("utf-8");
    expect(detectEncoding(bytes(0x41, 0x42)).encoding).toBe("utf-8");
    expect(detectEncoding(bytes(0x43, 0x61, 0x66, 0xe9)).encoding).toBe("windows-1252");
    expect(detectEncoding(bytes(0x41, 0x0a, 0xa3, 0x31)).reason).toMatch(
      /^line 2 is not valid UTF-8/
    );
  });

  it("finds UTF-16 without a mark from where the zero bytes are", () => {
    expect(detectEncoding(new Uint8Array(Buffer.from("ID,Cluster\r\n", "utf16le"))).encoding).toBe(
      "utf-16le"
    );
    const be = Buffer.from("ID,Cluster\r\n", "utf16le");
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    expect(detectEncoding(new Uint8Array(be)).encoding).toBe("utf-16be");
  });

  it("rejects overlong forms, surrogates, code points past U+10FFFF and cut-off sequences", () => {
    expect(firstInvalidUtf8(bytes(0xc0, 0x80))).toBe(0);
    expect(firstInvalidUtf8(bytes(0x41, 0xe0, 0x80, 0x80))).toBe(1);
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0);
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8(bytes(0x41, 0xe2, 0x82))).toBe(1);
  });

  it("agrees with the platform's strict UTF-8 decoder (property)", () => {
    const strict = new TextDecoder("utf-8", { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (b) => {
        let valid = true;
        try {
          strict.decode(b);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(b) < 0).toBe(valid);
      }),
      { numRuns: 2000 }
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(firstInvalidUtf8(new TextEncoder().encode(s))).toBe(-1);
      })
    );
  });
});

describe("decoding", () => {
  it("maps Windows-1252's 0x80–0x9F to its own characters (€, ’, …), whatever the platform's decoder does", () => {
    expect(decodeBytes(bytes(0x80, 0x35, 0x20, 0x92, 0x85, 0x99), "windows-1252")).toBe("€5 ’…™");
    expect(decodeBytes(bytes(0xa3, 0x31, 0xe9), "windows-1252")).toBe("£1é");
  });
  it("drops a matching byte-order mark", () => {
    expect(decodeBytes(bytes(0xff, 0xfe, 0x41, 0), "utf-16le")).toBe("A");
    expect(decodeBytes(bytes(0xef, 0xbb, 0xbf, 0x41), "utf-8")).toBe("A");
  });
});
