#!/usr/bin/env node
import '@pg/models/register-gradients';
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
