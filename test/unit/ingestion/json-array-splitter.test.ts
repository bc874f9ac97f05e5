import { describe, expect, it } from "vitest";
import {
  type JsonArrayElement,
  JsonArraySplitter,
} from "../../../src/ingestion/sources/json-array-splitter.js";

function split(text: string, chunkSize: number): JsonArrayElement[] {
  const splitter = new JsonArraySplitter();
  const out: JsonArrayElement[] = [];
  for (let i = 0; i < text.length; i += chunkSize) out.push(...splitter.push(text.slice(i, i + chunkSize)));
  splitter.end();
  return out;
}

const sample = `\uFEFF [
  {"title": "Brackets ] and } in \\"strings\\" [", "n": [1, {"a": []}]},
  "a bare string, with a comma",
  42,
  null,
  {"title": "Last\\\\"}
]
`;

describe("JsonArraySplitter", () => {
  it.each([1, 2, 3, 7, 64, 100_000])("splits the same way whatever the chunk size (%i)", (size) => {
    const elements = split(sample, size);
    expect(elements.map((e) => JSON.parse(e.text))).toEqual([
      { title: 'Brackets ] and } in "strings" [', n: [1, { a: [] }] },
      "a bare string, with a comma",
      42,
      null,
      { title: "Last\\" },
    ]);
    expect(elements.map((e) => [e.index, e.line])).toEqual([
      [0, 2],
      [1, 3],
      [2, 4],
      [3, 5],
      [4, 6],
    ]);
  });

  it("hands over a malformed element as text, for the caller to reject", () => {
    const elements = split('[{"title": oops}, {"title": "fine"}]', 5);
    expect(elements.map((e) => e.text)).toEqual(['{"title": oops}', '{"title": "fine"}']);
  });

  it("handles an empty array", () => {
    expect(split("[ ]", 1)).toEqual([]);
  });

  it("throws on input that is not an array or is cut short", () => {
    expect(() => split('{"a": 1}', 4)).toThrow(/not a JSON array/);
    expect(() => split('[{"a": 1}, {"b": ', 4)).toThrow(/input ends inside element 1 \(line 1\): truncated/);
    expect(() => split('[{"a": 1}', 4)).toThrow(/input ends before the closing \]/);
    expect(() => split("  ", 4)).toThrow(/empty input/);
  });
});
