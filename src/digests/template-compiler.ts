import mjml2html from "mjml";
import { AppError } from "../lib/errors.js";
import { type BlockOp, type FillOp, FillProgram, staticOp, valueOp } from "./fill-program.js";
import { contextAt, insideTag } from "./html-context.js";
import { escapeFor, type ValueContext, valueToString } from "./html-escape.js";
import {
  type BlockNode,
  blockScopes,
  expandPartials,
  lookup,
  parseTemplate,
  type Scope,
  type TemplateNode,
  type ValueNode,
} from "./template-syntax.js";

/**
 * Compiles an MJML template ONCE into a fill program.
 *
 * The template is rendered to MJML with placeholders: each value becomes `__pbv<id>__`
 * (plain text mjml copies into text and attributes untouched) and each block is
 * bracketed by `<!--__pbb<id>o__-->` / `<!--__pbb<id>c__-->` (inside mj-text they stay
 * comments; between components mjml turns comments into mj-raw, which it outputs as is).
 * One mjml2html call gives HTML with those markers; we find the context each value
 * landed in (text, attribute, URL) and split the HTML into static runs, holes and blocks.
 *
 * `fillMjml` renders the same template and data to plain MJML (values escaped for the
 * same contexts): passed through mjml2html it gives what `fill` gives, up to whitespace.
 * Rules for templates: blocks wrap whole components or HTML inside mj-text/mj-raw,
 * never part of a tag; repeated components must not depend on their siblings (so no
 * repeated mj-column); values never go into attributes mjml computes with (padding,
 * width, css-class...), into CSS, or into a <style>.
 */
export const MJML_OPTIONS = {
  fonts: {},
  keepComments: true,
  minify: false,
  beautify: false,
  validationLevel: "strict",
} as const;

const VALUE_MARK = (id: number) => `__pbv${id}__`;
const OPEN_MARK = (id: number) => `<!--__pbb${id}o__-->`;
const CLOSE_MARK = (id: number) => `<!--__pbb${id}c__-->`;
const MARKERS = /__pbv(\d+)__|<!--__pbb(\d+)([oc])__-->/g;

export interface CompiledTemplate {
  readonly name: string;
  /** The per-reader path: no MJML, just the program. */
  fill(data: object): string;
  /** The same template and data as plain MJML, for checking against mjml2html. */
  fillMjml(data: object): string;
}

function compileError(name: string, message: string): AppError {
  return new AppError("INTERNAL", `Template ${name}: ${message}`, { details: { template: name } });
}

function markerMjml(nodes: readonly TemplateNode[]): string {
  let out = "";
  for (const node of nodes) {
    if (node.type === "text") out += node.text;
    else if (node.type === "value") out += VALUE_MARK(node.id);
    else out += OPEN_MARK(node.id) + markerMjml(node.children) + CLOSE_MARK(node.id);
  }
  return out;
}

/** ASCII whitespace runs to one space, or one newline when they hold one: same rendering, fewer bytes. */
export function compactWhitespace(html: string): string {
  return html.replace(/[ \t\r\n\f]+/g, (run) => (run.includes("\n") ? "\n" : " "));
}

interface Collected {
  values: Map<number, { node: ValueNode; blocks: number[] }>;
  blocks: Map<number, BlockNode>;
}

function collect(nodes: readonly TemplateNode[], into: Collected, blocks: number[]): Collected {
  for (const node of nodes) {
    if (node.type === "value") into.values.set(node.id, { node, blocks });
    else if (node.type === "block") {
      into.blocks.set(node.id, node);
      collect(node.children, into, [...blocks, node.id]);
    }
  }
  return into;
}

function resolveContexts(name: string, html: string, collected: Collected): Map<number, ValueContext> {
  const seen = new Map<number, Set<ValueContext>>();
  for (const match of html.matchAll(MARKERS)) {
    if (match[1] === undefined) {
      if (insideTag(html, match.index)) throw compileError(name, `a block boundary falls inside a tag`);
      continue;
    }
    const id = Number(match[1]);
    const place = contextAt(html, match.index);
    const node = collected.values.get(id)?.node;
    if (typeof place === "object") throw compileError(name, `{{${node?.name}}} lands ${place.invalid}`);
    const set = seen.get(id) ?? new Set<ValueContext>();
    set.add(place);
    seen.set(id, set);
  }
  const contexts = new Map<number, ValueContext>();
  for (const [id, { node }] of collected.values) {
    const set = seen.get(id);
    if (!set) throw compileError(name, `{{${node.name}}} vanished in mjml's output`);
    if (set.has("url") && set.size > 1) throw compileError(name, `{{${node.name}}} is both a URL and text`);
    contexts.set(id, set.has("url") ? "url" : set.has("attr") ? "attr" : "text");
  }
  return contexts;
}

function buildProgram(
  name: string,
  html: string,
  collected: Collected,
  contexts: Map<number, ValueContext>,
): FillOp[] {
  const root: FillOp[] = [];
  const stack: { id: number; ops: FillOp[] }[] = [{ id: -1, ops: root }];
  const opened = new Set<number>();
  let last = 0;
  for (const match of html.matchAll(MARKERS)) {
    const top = stack[stack.length - 1]!;
    if (match.index > last) top.ops.push(staticOp(html.slice(last, match.index)));
    last = match.index + match[0].length;
    if (match[1] !== undefined) {
      const value = collected.values.get(Number(match[1]))!;
      const enclosing = stack.slice(1).map((entry) => entry.id);
      if (enclosing.join() !== value.blocks.join()) {
        throw compileError(name, `{{${value.node.name}}} moved out of its block in mjml's output`);
      }
      top.ops.push(valueOp(value.node.name, value.node.path, contexts.get(value.node.id)!));
      continue;
    }
    const id = Number(match[2]);
    const block = collected.blocks.get(id);
    if (!block) throw compileError(name, `unknown block marker ${id}`);
    if (match[3] === "o") {
      if (opened.has(id)) throw compileError(name, `{{#${block.name}}} was duplicated by mjml`);
      opened.add(id);
      const op: BlockOp = {
        k: "block",
        name: block.name,
        path: block.path,
        inverted: block.inverted,
        body: [],
      };
      top.ops.push(op);
      stack.push({ id, ops: op.body });
    } else {
      if (top.id !== id)
        throw compileError(name, `{{#${block.name}}} is not nested the same way in mjml's output`);
      stack.pop();
    }
  }
  if (last < html.length) root.push(staticOp(html.slice(last)));
  if (stack.length > 1 || opened.size !== collected.blocks.size) {
    throw compileError(name, `blocks were lost or left open in mjml's output`);
  }
  return root;
}

function renderMjml(
  nodes: readonly TemplateNode[],
  scope: Scope,
  contexts: Map<number, ValueContext>,
): string {
  let out = "";
  for (const node of nodes) {
    if (node.type === "text") out += node.text;
    else if (node.type === "value") {
      out += escapeFor(contexts.get(node.id)!, valueToString(lookup(scope, node.path, node.name)));
    } else {
      for (const inner of blockScopes(lookup(scope, node.path, node.name), node.inverted, scope)) {
        out += renderMjml(node.children, inner, contexts);
      }
    }
  }
  return out;
}

export async function compileTemplate(
  name: string,
  source: string,
  loadPartial: (partial: string) => string = (partial) => {
    throw compileError(name, `no partial loader for {{> ${partial}}}`);
  },
): Promise<CompiledTemplate> {
  const nodes = parseTemplate(expandPartials(source, name, loadPartial), name);
  const collected = collect(nodes, { values: new Map(), blocks: new Map() }, []);
  let html: string;
  try {
    html = compactWhitespace((await mjml2html(markerMjml(nodes), MJML_OPTIONS)).html);
  } catch (error) {
    throw new AppError("INTERNAL", `Template ${name}: mjml rejected it`, {
      cause: error,
      details: { template: name },
    });
  }
  const wide = /[\u0100-\uffff]/.exec(html);
  if (wide) {
    // Keeps every email a one-byte string (see html-escape.ts); values are converted when filled.
    throw compileError(
      name,
      `write "${wide[0]}" as &#${wide[0].codePointAt(0)}; (template text stays Latin-1)`,
    );
  }
  const contexts = resolveContexts(name, html, collected);
  const program = new FillProgram(buildProgram(name, html, collected, contexts));
  return {
    name,
    fill: (data) => program.fill(data),
    fillMjml: (data) => renderMjml(nodes, { value: data, parent: null }, contexts),
  };
}
