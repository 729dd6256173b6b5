#!/usr/bin/env node
// Committed so that pnpm can link the `pg` command at install time, before dist/ is built.
import '../dist/bin.js';
