import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Command } from "commander";
import { AppError } from "../../lib/errors.js";
import { TAXONOMY } from "../../topics/taxonomy.js";
import { TopicClassifier } from "../../topics/topic-classifier.js";
import { classifyJsonl, evaluateJsonl } from "../../topics/topic-jsonl.js";
import { printLine } from "../terminal.js";

function lines(file: string): AsyncIterable<string> {
  const stream = createReadStream(file, { encoding: "utf8" });
  stream.on("error", () => {});
  return createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
}

async function checkReadable(file: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const s = createReadStream(file);
    s.once("open", () => {
      s.close();
      resolve();
    });
    s.once("error", (cause) =>
      reject(new AppError("VALIDATION_FAILED", `cannot read ${file}: ${cause.message}`, { cause })),
    );
  });
}

/** topics list | classify FILE | eval FILE: the classifier on its own. */
export function registerTopicsCommands(program: Command): void {
  const topics = program.command("topics").description("the topic taxonomy and classifier");
  topics
    .command("list")
    .description("print the 20 topics with their scopes")
    .action(() => {
      for (const t of TAXONOMY) printLine(`${t.slug.padEnd(17)} ${t.name}: ${t.scope}`);
    });
  topics
    .command("classify <file>")
    .description(
      "read JSONL ({title, abstract}) and write JSONL with all 20 topic scores and the assigned topics",
    )
    .action(async (file: string) => {
      await checkReadable(file);
      for await (const line of classifyJsonl(lines(file), new TopicClassifier()))
        process.stdout.write(`${line}\n`);
    });
  topics
    .command("eval <file>")
    .description(
      "read JSONL with right answers in `topics` and print top-1 accuracy, precision, recall and micro-F1",
    )
    .action(async (file: string) => {
      await checkReadable(file);
      const m = await evaluateJsonl(lines(file), new TopicClassifier());
      printLine(`papers     ${m.count}`);
      printLine(`top-1      ${m.top1Accuracy.toFixed(3)}`);
      printLine(`precision  ${m.precision.toFixed(3)}`);
      printLine(`recall     ${m.recall.toFixed(3)}`);
      printLine(`micro-F1   ${m.microF1.toFixed(3)}`);
    });
}
