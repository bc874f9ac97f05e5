import { describe, expect, it } from "vitest";
import { blockScopes, lookup, parseTemplate, type Scope } from "../../../src/digests/template-syntax.js";
import { isAppError } from "../../../src/lib/errors.js";

describe("parseTemplate", () => {
  it("numbers values and blocks and drops comments", () => {
    expect(parseTemplate("Hi {{name}}{{! note }}{{#items}}<{{.}}>{{/items}}", "t")).toEqual([
      { type: "text", text: "Hi " },
      { type: "value", id: 0, name: "name", path: ["name"] },
      {
        type: "block",
        id: 1,
        name: "items",
        path: ["items"],
        inverted: false,
        children: [
          { type: "text", text: "<" },
          { type: "value", id: 2, name: ".", path: [] },
          { type: "text", text: ">" },
        ],
      },
    ]);
  });

  it("drops layout whitespace around block tags but keeps inline spaces", () => {
    const nodes = parseTemplate(
      "<p>\n  {{#cards}}\n    <div>{{title}}{{#meta}} · {{meta}}{{/meta}}</div>\n  {{/cards}}\n</p>",
      "t",
    );
    expect(nodes[0]).toEqual({ type: "text", text: "<p>" });
    expect(nodes[2]).toEqual({ type: "text", text: "</p>" });
    const cards = nodes[1] as { children: { type: string; text?: string; children?: unknown[] }[] };
    expect(cards.children[0]).toEqual({ type: "text", text: "<div>" });
    expect(cards.children[cards.children.length - 1]).toEqual({ type: "text", text: "</div>" });
    const meta = cards.children[2] as { children: { text?: string }[] };
    expect(meta.children[0]).toEqual({ type: "text", text: " · " });
  });
});

describe("lookup and blockScopes", () => {
  const root: Scope = {
    value: { a: { b: "deep" }, list: [{ x: 1 }, { x: 2 }], empty: [], none: null, flag: true },
    parent: null,
  };
  const inner: Scope = { value: { x: "inner", none: "own" }, parent: root };

  it("finds names in the nearest scope that owns them, even when null", () => {
    expect(lookup(inner, ["x"], "x")).toBe("inner");
    expect(lookup(inner, ["none"], "none")).toBe("own");
    expect(lookup(root, ["none"], "none")).toBeNull();
    expect(lookup(inner, ["a", "b"], "a.b")).toBe("deep");
    expect(lookup(inner, [], ".")).toEqual({ x: "inner", none: "own" });
  });

  it("throws on names no scope has", () => {
    let caught: unknown;
    try {
      lookup(inner, ["nope"], "nope");
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught, "INTERNAL")).toBe(true);
  });

  it("repeats per item, once for truthy values, never for empty ones; inverted the other way", () => {
    expect(blockScopes([{ x: 1 }, { x: 2 }], false, root).map((scope) => scope.value)).toEqual([
      { x: 1 },
      { x: 2 },
    ]);
    expect(blockScopes({ y: 1 }, false, root)[0]!.value).toEqual({ y: 1 });
    expect(blockScopes(true, false, root)).toEqual([root]);
    expect(blockScopes([], false, root)).toEqual([]);
    expect(blockScopes(null, false, root)).toEqual([]);
    expect(blockScopes([], true, root)).toEqual([root]);
    expect(blockScopes("text", true, root)).toEqual([]);
  });
});
