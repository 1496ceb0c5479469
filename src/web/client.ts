/**
 * The browser side of `serve`: bundled for the browser from the same pure core as the CLI (form
 * definition, normalisers, rules, unit search). No `node:` module may be reached from here.
 */
import type { PageConfig } from './config.js';
import { startForm } from './form.js';
import { startSummary } from './summary.js';

const config = JSON.parse(document.getElementById('lw-config')!.textContent!) as PageConfig;
if (config.page === 'form') startForm(config);
else startSummary(config);
