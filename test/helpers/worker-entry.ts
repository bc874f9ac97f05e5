// `paperboy worker` without the rest of the CLI: the same AppContext, worker role
// and graceful shutdown on SIGTERM/SIGINT. Child-process tests spawn it with
// `node --import tsx`, so a command elsewhere in the CLI cannot stop them from starting.
import { AppContext } from "../../src/app/app-context.js";
import { closeOnSignals, startWorkerRole } from "../../src/app/process-roles.js";
import { loadConfig } from "../../src/config/config.js";
import { createLogger } from "../../src/lib/logger.js";

const config = loadConfig(process.env);
const ctx = await AppContext.create(config, { logger: createLogger({ level: config.logLevel }) });
await startWorkerRole(ctx);
await closeOnSignals(ctx);
process.exit(0);
