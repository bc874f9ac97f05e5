import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import { AppError } from "../../lib/errors.js";
import { type NormalisationResult, normalisePaper, type RawPaper } from "../normalised-paper.js";
import type { PaperSourceReader, SourceBatch } from "../source-batch.js";
import { preview } from "../text-cleaning.js";
import { DEFAULT_HF_BASE_URL, isDailyPaperItem, mapDailyPaper } from "./hf-daily-paper-mapper.js";
import { JsonArraySplitter } from "./json-array-splitter.js";
import { ListingTextParser } from "./listing-text-parser.js";

/**
 * Papers from a file, streamed (a 10,000-item file is never held whole). Formats,
 * detected from the first non-blank character:
 *   "[": a JSON array, "{": JSON lines; each item either the normalised shape
 *        ({"title","abstract","arxivId"?,...}) or a Daily Papers API item (it has a `paper` object);
 *   anything else: a Daily Papers listing page as plain text (see listing-text-parser.ts).
 * A bad line or item is a rejection naming its line, never a crash.
 */
export type FileFormat = "json-array" | "jsonl" | "listing-text";

export interface FileSourceOptions {
  path: string;
  now: Date;
  /** Items per batch. Default 500. */
  batchSize?: number;
  /** Base for Daily Papers links of API-shaped items. Default https://huggingface.co */
  hfBaseUrl?: string;
}

/** Lines longer than this are rejected unread (a JSONL line is one paper). */
export const MAX_LINE_CHARS = 1_000_000;

type Numbered = { line: number; result: NormalisationResult };

export class FileSource implements PaperSourceReader<FileSourceOptions> {
  readonly source = "file" as const;

  async *fetch(options: FileSourceOptions): AsyncGenerator<SourceBatch> {
    const format = await detectFileFormat(options.path);
    const batchSize = options.batchSize ?? 500;
    const items =
      format === "json-array"
        ? this.jsonArray(options)
        : format === "jsonl"
          ? this.jsonLines(options)
          : this.listing(options);
    let batch: Numbered[] = [];
    const flush = (): SourceBatch => {
      const origin = `${options.path} lines ${batch[0]!.line}-${batch[batch.length - 1]!.line}`;
      const out = { items: batch.map((n) => n.result), fetched: batch.length, origin };
      batch = [];
      return out;
    };
    for await (const item of items) {
      batch.push(item);
      if (batch.length >= batchSize) yield flush();
    }
    if (batch.length > 0) yield flush();
  }

  private async *jsonLines(options: FileSourceOptions): AsyncGenerator<Numbered> {
    let line = 0;
    for await (let text of lines(options.path)) {
      line++;
      if (line === 1) text = text.replace(/^\uFEFF/, "");
      if (text.trim() === "") continue;
      if (text.length > MAX_LINE_CHARS) {
        yield reject(line, `longer than ${MAX_LINE_CHARS} characters`);
        continue;
      }
      yield this.fromJson(text, line, options);
    }
  }

  private async *jsonArray(options: FileSourceOptions): AsyncGenerator<Numbered> {
    const splitter = new JsonArraySplitter();
    const stream = createReadStream(options.path, { encoding: "utf8", highWaterMark: 256 * 1024 });
    let lastLine = 1;
    try {
      for await (const chunk of stream) {
        for (const element of splitter.push(chunk as string)) {
          lastLine = element.line;
          yield this.fromJson(element.text, element.line, options, element.index);
        }
      }
      splitter.end();
    } catch (error) {
      if (error instanceof AppError) throw error;
      yield reject(lastLine, `the JSON array is broken: ${(error as Error).message}`);
    }
  }

  private async *listing(options: FileSourceOptions): AsyncGenerator<Numbered> {
    const parser = new ListingTextParser(options.now);
    let line = 0;
    const toItem = (entry: { line: number; raw: RawPaper; problem?: string }): Numbered => {
      if (entry.problem) return reject(entry.line, entry.problem);
      return labelled(entry.line, normalisePaper(entry.raw, "file", options.now));
    };
    for await (const text of lines(options.path)) {
      line++;
      for (const entry of parser.push(text.slice(0, MAX_LINE_CHARS + 1), line)) yield toItem(entry);
    }
    for (const entry of parser.end()) yield toItem(entry);
  }

  private fromJson(text: string, line: number, options: FileSourceOptions, index?: number): Numbered {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const what = index === undefined ? "invalid JSON" : `item ${index} is invalid JSON`;
      return reject(line, `${what} (${(error as Error).message})`);
    }
    if (isDailyPaperItem(value)) {
      return labelled(
        line,
        mapDailyPaper(value, options.now, options.hfBaseUrl ?? DEFAULT_HF_BASE_URL, "file"),
      );
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return reject(line, `not a paper object (${Array.isArray(value) ? "an array" : typeof value})`);
    }
    return labelled(line, normalisePaper(value as RawPaper, "file", options.now));
  }
}

/** Reads the first bytes: "[" is a JSON array, "{" JSON lines, anything else a listing page. */
export async function detectFileFormat(path: string): Promise<FileFormat> {
  let head: string;
  try {
    const handle = await open(path, "r");
    try {
      const buffer = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead).toString("utf8");
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new AppError("SOURCE_UNAVAILABLE", `cannot read ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const first = head.replace(/^[\s\uFEFF]+/, "")[0];
  if (first === undefined) throw new AppError("SOURCE_INVALID", `${path} is empty`);
  if (first === "[") return "json-array";
  if (first === "{") return "jsonl";
  return "listing-text";
}

function lines(path: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
}

function reject(line: number, reason: string): Numbered {
  return { line, result: { ok: false, reason, item: `line ${line}` } };
}

function labelled(line: number, result: NormalisationResult): Numbered {
  if (result.ok) return { line, result };
  const item = result.item ? `line ${line} (${preview(result.item, 60)})` : `line ${line}`;
  return { line, result: { ...result, item } };
}
