#!/usr/bin/env node
// The `paperboy` command: runs the compiled CLI (npm install builds it; `npm run build` rebuilds it).
import { main } from "../dist/cli/main.js";

await main(process.argv);
