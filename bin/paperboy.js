#!/usr/bin/env -S node --max-semi-space-size=64
// The `paperboy` command: runs the compiled CLI (npm install builds it; `npm run build` rebuilds it).
// --max-semi-space-size=64: a 64 MB young generation (see README, "Operating it").
import { main } from "../dist/cli/main.js";

await main(process.argv);
