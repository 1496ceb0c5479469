/** `lifelong-week template`: blank templates for the units (YAML to fill in; Word and PDF to print or fill by hand). */
import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../core/errors.js';
import { exists, writeFileAtomic, type Io, type OutputFile } from '../core/io.js';
import { say } from '../core/say.js';
import { packageRoot } from '../paths.js';
import { SCHEMA_FILE } from '../template/json-schema.js';
import { yamlTemplate } from '../template/blank-yaml.js';
import { parseFormats, writeRendered, type OutputFormat } from './render.js';
import { loadCampaign, resolveDistrict } from './shared.js';

export interface TemplateOptions {
  format: string;
  district?: string;
  output?: string;
  force?: boolean;
  fillable?: boolean;
  campaign?: string;
}

const FORMATS = ['yaml', 'docx', 'pdf', 'campaign'] as const;

export async function runTemplate(opts: TemplateOptions, io: Io): Promise<number> {
  const { lang } = io;
  const campaign = await loadCampaign(opts.campaign, lang);
  const formats = parseFormats(opts.format, FORMATS, lang);
  // The campaign itself (for next year's copy): its own file, or standard output.
  if (formats.includes('campaign')) {
    if (formats.length > 1) throw new UsageError(say(lang, 'cli.useFormatCampaignOwn'));
    const { campaignYaml } = await import('../template/campaign.js');
    const text = campaignYaml(campaign);
    if (!opts.output) io.out(text);
    else {
      await writeFileAtomic(opts.output, text, { force: Boolean(opts.force), lang });
      io.err(say(lang, 'cli.wroteEditPassCampaign', { output: opts.output }));
    }
    return 0;
  }
  const unit = opts.district !== undefined ? resolveDistrict(opts.district, campaign, lang) : undefined;
  if (opts.fillable && !formats.includes('pdf')) throw new UsageError(say(lang, 'cli.fillableAppliesPdfAdd'));

  // -o names a file when one format is asked for and the name ends in its extension; else a folder.
  const single = formats.length === 1 ? formats[0]! : undefined;
  const outputIsFile = Boolean(
    opts.output &&
    single &&
    new RegExp(`\\.(${single === 'yaml' ? 'ya?ml' : single})$`, 'i').test(opts.output) &&
    !(await stat(opts.output).catch(() => undefined))?.isDirectory(),
  );
  const dir = opts.output ? (outputIsFile ? dirname(opts.output) : opts.output) : '.';

  const written: string[] = [];
  const documents = formats.filter((f): f is OutputFormat => f === 'docx' || f === 'pdf');
  // With documents, the YAML is written in their batch, all or nothing (a full disk leaves none).
  let yamlFile: OutputFile | undefined;
  if (formats.includes('yaml')) {
    const { templateBaseName } = await import('../render/model.js');
    const yamlPath = outputIsFile
      ? opts.output
      : opts.output || formats.length > 1
        ? join(dir, `${templateBaseName(campaign, unit?.name)}.yaml`)
        : undefined;
    const schemaPath = join(packageRoot(), SCHEMA_FILE);
    // The modeline points at the installed schema, relative to where the template is written.
    const schemaRef = yamlPath
      ? relative(dirname(resolve(yamlPath)), schemaPath)
          .split(sep)
          .join('/')
      : pathToFileURL(schemaPath).href;
    const text = yamlTemplate(campaign, { ...(unit ? { unit } : {}), schemaRef });
    if (!yamlPath) {
      io.out(text);
      return 0;
    }
    if (!opts.force && formats.length > 1 && (await exists(yamlPath)))
      throw new UsageError(say(lang, 'cli.alreadyExistsUseForce2', { yamlPath }));
    if (documents.length > 0) yamlFile = { path: yamlPath, data: text };
    else {
      await writeFileAtomic(yamlPath, text, { force: Boolean(opts.force), lang });
      written.push(yamlPath);
    }
  }
  if (documents.length > 0)
    written.push(
      ...(await writeRendered(
        null,
        campaign,
        {
          dir,
          formats: documents,
          force: Boolean(opts.force),
          ...(opts.fillable ? { fillable: true } : {}),
          ...(unit ? { department: unit.department, unitName: unit.name } : {}),
          ...(yamlFile ? { alongside: [yamlFile] } : {}),
        },
        io,
        // One document to an explicit file name (outputIsFile: one format, so no YAML beside it):
        // render to its folder, then the name is the user's.
        outputIsFile ? opts.output : undefined,
      )),
    );
  io.err(
    say(lang, 'cli.wroteN3', {
      written: written.map((p) => `  ${p}`).join('\n'),
      includes: formats.includes('yaml') ? say(lang, 'cli.templateThenValidate', { file: written[0]! }) : '',
    }),
  );
  return 0;
}
