import { Command, CommanderError } from "commander";
import { AppContext, type AppContextOptions } from "../app/app-context.js";
import { type Config, loadConfig } from "../config/config.js";
import { isAppError } from "../lib/errors.js";
import { createLogger } from "../lib/logger.js";
import { registerDemoCommand } from "./commands/demo-command.js";
import { registerPipelineCommands } from "./commands/pipeline-commands.js";
import { registerReaderCommands } from "./commands/reader-commands.js";
import { registerServiceCommands } from "./commands/service-commands.js";
import { registerTopicsCommands } from "./commands/topics-commands.js";

/** Opens the app for one command and closes it afterwards, whatever happens. */
export type WithContext = <T>(
  fn: (ctx: AppContext) => Promise<T>,
  options?: AppContextOptions & { longRunning?: boolean },
) => Promise<T>;

export function buildProgram(env: NodeJS.ProcessEnv = process.env): Command {
  let config: Config | undefined;
  const getConfig = () => {
    config ??= loadConfig(env);
    return config;
  };
  const withContext: WithContext = async (fn, { longRunning, ...options } = {}) => {
    const cfg = getConfig();
    // One-shot commands print their own results; their logs are for warnings unless LOG_LEVEL says otherwise.
    const level = longRunning || cfg.logLevelSet ? cfg.logLevel : "warn";
    const ctx = await AppContext.create(cfg, { logger: createLogger({ level }), ...options });
    try {
      return await fn(ctx);
    } finally {
      await ctx.close();
    }
  };

  const program = new Command("paperboy")
    .description("Trending ML papers in your inbox, grouped by the topics each reader follows.")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ outputError: (text, write) => write(text) });
  registerServiceCommands(program, withContext, getConfig);
  registerPipelineCommands(program, withContext);
  registerReaderCommands(program, withContext);
  registerTopicsCommands(program);
  registerDemoCommand(program, withContext, getConfig);
  return program;
}

/** Entry point of the `paperboy` command: one readable line on failure, never a stack trace. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    process.stderr.write(`paperboy: ${describe(error)}\n`);
    if (process.env.LOG_LEVEL === "debug" && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  }
}

function describe(error: unknown): string {
  if (isAppError(error)) return error.toLine();
  const message = error instanceof Error ? error.message : String(error);
  return `${message.split("\n")[0]} (unexpected error; run with LOG_LEVEL=debug for details)`;
}
