import { AppError } from "../lib/errors.js";

/**
 * The small mustache-like language our MJML templates use:
 *   {{name}} {{a.b}} {{.}}   a value (always escaped on output; there is no raw form)
 *   {{#name}} ... {{/name}}  a block: once per array item, once for a truthy value, skipped if falsy/empty
 *   {{^name}} ... {{/name}}  an inverted block: once if falsy or an empty array
 *   {{> partial}}            the text of templates/partials/<partial>.mjml, inlined before parsing
 *   {{! comment }}           dropped
 * Each value and block gets a numeric id, unique in the template.
 *
 * Layout whitespace around block tags is dropped: a whitespace run next to {{#x}},
 * {{^x}} or {{/x}} that holds a newline goes (like mustache's standalone tags), so
 * repeated blocks join without stray whitespace and mjml's trimming of mj-text content
 * has nothing to trim that depends on how often a block repeats. Inline spaces stay.
 */
export type TemplateNode = TextNode | ValueNode | BlockNode;

export interface TextNode {
  type: "text";
  text: string;
}

export interface ValueNode {
  type: "value";
  id: number;
  name: string;
  path: string[];
}

export interface BlockNode {
  type: "block";
  id: number;
  name: string;
  path: string[];
  inverted: boolean;
  children: TemplateNode[];
}

const TAG = /\{\{\s*([#^/>!]?)\s*([^}]*?)\s*\}\}/g;
const NAME = /^(?:\.|[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)$/;
const MAX_PARTIAL_DEPTH = 5;

function templateError(template: string, message: string): AppError {
  return new AppError("INTERNAL", `Template ${template}: ${message}`, { details: { template } });
}

/** Inlines {{> name}} partials (recursively, a few levels deep). */
export function expandPartials(
  source: string,
  template: string,
  loadPartial: (name: string) => string,
  depth = 0,
): string {
  return source.replace(/\{\{\s*>\s*([\w-]+)\s*\}\}/g, (_match, name: string) => {
    if (depth >= MAX_PARTIAL_DEPTH) throw templateError(template, `partials nested too deep at ${name}`);
    return expandPartials(loadPartial(name), template, loadPartial, depth + 1);
  });
}

const LAYOUT_BEFORE = /\s*\n\s*$/;
const LAYOUT_AFTER = /^\s*\n\s*/;

export function parseTemplate(source: string, template: string): TemplateNode[] {
  const root: TemplateNode[] = [];
  const stack: { node: BlockNode | null; children: TemplateNode[] }[] = [{ node: null, children: root }];
  let nextId = 0;
  let last = 0;
  let afterBlockTag = false;
  for (const match of source.matchAll(TAG)) {
    const top = stack[stack.length - 1]!;
    const sigil = match[1] ?? "";
    const name = match[2] ?? "";
    const isBlockTag = sigil === "#" || sigil === "^" || sigil === "/";
    let text = source.slice(last, match.index);
    if (afterBlockTag) text = text.replace(LAYOUT_AFTER, "");
    if (isBlockTag) text = text.replace(LAYOUT_BEFORE, "");
    if (text) top.children.push({ type: "text", text });
    last = match.index + match[0].length;
    afterBlockTag = isBlockTag;
    if (sigil === "!") continue;
    if (sigil === ">") throw templateError(template, `partial {{> ${name}}} was not expanded`);
    if (!NAME.test(name)) throw templateError(template, `bad name "${name}" in ${match[0]}`);
    const path = name === "." ? [] : name.split(".");
    if (sigil === "/") {
      if (top.node === null || top.node.name !== name) {
        throw templateError(
          template,
          `{{/${name}}} closes ${top.node ? `{{#${top.node.name}}}` : "nothing"}`,
        );
      }
      stack.pop();
      continue;
    }
    if (sigil === "") {
      top.children.push({ type: "value", id: nextId++, name, path });
      continue;
    }
    const block: BlockNode = {
      type: "block",
      id: nextId++,
      name,
      path,
      inverted: sigil === "^",
      children: [],
    };
    top.children.push(block);
    stack.push({ node: block, children: block.children });
  }
  if (stack.length > 1)
    throw templateError(template, `{{#${stack[stack.length - 1]!.node!.name}}} is never closed`);
  const tail = afterBlockTag ? source.slice(last).replace(LAYOUT_AFTER, "") : source.slice(last);
  if (tail) root.push({ type: "text", text: tail });
  if (source.includes("__pb")) throw templateError(template, `the text "__pb" is reserved for placeholders`);
  return root;
}

/** A chain of data objects: block items push a scope; lookups fall back to outer scopes. */
export interface Scope {
  readonly value: unknown;
  readonly parent: Scope | null;
}

/**
 * Resolves a path: the first segment in the nearest scope that owns it (even when its
 * value is null), the rest by property access. Unknown names throw: a typo in a
 * template must not silently render nothing.
 */
export function lookup(scope: Scope, path: readonly string[], name: string): unknown {
  if (path.length === 0) return scope.value;
  const head = path[0]!;
  let current: Scope | null = scope;
  while (current !== null) {
    const value = current.value;
    if (typeof value === "object" && value !== null && Object.hasOwn(value, head)) {
      let result: unknown = (value as Record<string, unknown>)[head];
      for (let i = 1; i < path.length && result !== null && result !== undefined; i++) {
        result = (result as Record<string, unknown>)[path[i]!];
      }
      return result;
    }
    current = current.parent;
  }
  throw new AppError("INTERNAL", `Template data has no "${name}"`, { details: { name } });
}

/**
 * The scopes a block renders with: one per array item, the value itself for an object,
 * the current scope for another truthy value (or a falsy one when inverted), none otherwise.
 */
export function blockScopes(value: unknown, inverted: boolean, scope: Scope): Scope[] {
  const empty = !value || (Array.isArray(value) && value.length === 0);
  if (inverted) return empty ? [scope] : [];
  if (empty) return [];
  if (Array.isArray(value)) return value.map((item) => ({ value: item, parent: scope }));
  if (typeof value === "object") return [{ value, parent: scope }];
  return [scope];
}
