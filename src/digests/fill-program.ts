import { escapeAttr, escapeText, escapeUrl, type ValueContext, valueToString } from "./html-escape.js";
import { blockScopes, lookup, type Scope } from "./template-syntax.js";

/**
 * A compiled template: static HTML runs, escaped value holes and blocks, run per reader.
 *
 * mjml merges adjacent Outlook conditionals (`<![endif]-->` followed by
 * `<!--[if mso | IE]>`) over the whole document. Inside a static run that already
 * happened at compile time; where runs meet at a block boundary it depends on how
 * many times the block repeats, so the program does the same merge while emitting:
 * a run's trailing `<![endif]-->` is held back until we know what follows it.
 */
export type FillOp = StaticOp | ValueOp | BlockOp;

export interface StaticOp {
  k: "static";
  text: string;
  /** The run without its trailing `<![endif]-->` (when it has one). */
  keep: string;
  /** `keep` without its leading `<!--[if mso | IE]>`, or null when it has none. */
  noLead: string | null;
  /** The held-back trailing `<![endif]-->` and whitespace, or null. */
  trail: string | null;
  whitespaceOnly: boolean;
}

export interface ValueOp {
  k: "value";
  name: string;
  path: string[];
  context: ValueContext;
  /** escapeFor(context, ·), resolved once. */
  escape: (value: string) => string;
}

export function valueOp(name: string, path: string[], context: ValueContext): ValueOp {
  return { k: "value", name, path, context, escape: ESCAPERS[context] };
}

export interface BlockOp {
  k: "block";
  name: string;
  path: string[];
  inverted: boolean;
  body: FillOp[];
}

// \s as in mjml's own regex (JS whitespace, Unicode spaces included).
const ESCAPERS: Record<ValueContext, (value: string) => string> = {
  text: escapeText,
  attr: escapeAttr,
  url: escapeUrl,
};

const LEAD = /^\s*<!--\[if mso \| IE\]>/;
const TRAIL = /<!\[endif\]-->\s*$/;
const BLANK = /^\s*$/;

export function staticOp(text: string): StaticOp {
  const trailMatch = TRAIL.exec(text);
  const leadMatch = LEAD.exec(text);
  const leadEnd = leadMatch ? leadMatch[0].length : 0;
  // A trail is only the run's own if it does not overlap the lead.
  const trailStart = trailMatch && trailMatch.index >= leadEnd ? trailMatch.index : -1;
  const keep = trailStart === -1 ? text : text.slice(0, trailStart);
  return {
    k: "static",
    text,
    keep,
    noLead: leadMatch ? keep.slice(leadEnd) : null,
    trail: trailStart === -1 ? null : text.slice(trailStart),
    whitespaceOnly: BLANK.test(text),
  };
}

class Emitter {
  pending: string | null = null;

  // Parts joined once at the end: a deep `+=` rope costs more to flatten than the fill itself.
  constructor(readonly parts: string[]) {}

  static(op: StaticOp): void {
    if (op.whitespaceOnly) {
      if (this.pending !== null) this.pending += op.text;
      else this.parts.push(op.text);
      return;
    }
    if (this.pending !== null) {
      if (op.noLead !== null) this.parts.push(op.noLead);
      else this.parts.push(this.pending, op.keep);
      this.pending = null;
    } else {
      this.parts.push(op.keep);
    }
    this.pending = op.trail;
  }

  value(escaped: string): void {
    if (escaped.length === 0) return;
    if (this.pending !== null) {
      // Whitespace between `<![endif]-->` and `<!--[if mso | IE]>` goes with the merge.
      if (BLANK.test(escaped)) {
        this.pending += escaped;
        return;
      }
      this.parts.push(this.pending);
      this.pending = null;
    }
    this.parts.push(escaped);
  }

  finish(): string {
    if (this.pending !== null) this.parts.push(this.pending);
    return this.parts.join("");
  }
}

/** lookup() with the common case first: a plain name the current item owns. */
function resolve(scope: Scope, op: ValueOp | BlockOp): unknown {
  const value = scope.value;
  if (
    op.path.length === 1 &&
    typeof value === "object" &&
    value !== null &&
    Object.hasOwn(value, op.path[0]!)
  ) {
    return (value as Record<string, unknown>)[op.path[0]!];
  }
  return lookup(scope, op.path, op.name);
}

function run(ops: readonly FillOp[], scope: Scope, emitter: Emitter): void {
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    if (op.k === "static") emitter.static(op);
    else if (op.k === "value") emitter.value(op.escape(valueToString(resolve(scope, op))));
    else {
      const value = resolve(scope, op);
      // Same rules as blockScopes (template-syntax.ts), without building the list.
      if (Array.isArray(value) && !op.inverted) {
        for (let j = 0; j < value.length; j++) run(op.body, { value: value[j], parent: scope }, emitter);
      } else {
        for (const inner of blockScopes(value, op.inverted, scope)) run(op.body, inner, emitter);
      }
    }
  }
}

export class FillProgram {
  /** Reused between fills (a fill is synchronous), so the parts list is not regrown each time. */
  private readonly scratch: string[] = [];

  constructor(readonly ops: readonly FillOp[]) {}

  fill(data: object): string {
    const emitter = new Emitter(this.scratch);
    try {
      run(this.ops, { value: data, parent: null }, emitter);
      return emitter.finish();
    } finally {
      this.scratch.length = 0;
    }
  }
}
