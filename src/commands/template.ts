/** `lifelong-week template`: blank templates for the units. */
import { dirname, relative, resolve, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../core/errors.js';
import { writeFileAtomic, type Io } from '../core/io.js';
import { t } from '../core/lang.js';
import { findUnit } from '../normalize/unit.js';
import { closest } from '../normalize/common.js';
import { packageRoot } from '../paths.js';
import { SCHEMA_FILE } from '../template/json-schema.js';
import { yamlTemplate } from '../template/yaml.js';
import { loadCampaign } from './shared.js';

export interface TemplateOptions {
  format: string;
  district?: string;
  output?: string;
  force?: boolean;
  campaign?: string;
}

const FORMATS = ['yaml'] as const;

export async function runTemplate(opts: TemplateOptions, io: Io): Promise<number> {
  const { lang } = io;
  const campaign = await loadCampaign(opts.campaign, lang);
  const formats = opts.format.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f) && f !== 'yml');
  if (unknown.length > 0 || formats.length === 0)
    throw new UsageError(
      t(lang, `不支持的模板格式「${unknown.join(',') || opts.format}」。可用：${FORMATS.join('、')}。`, `Unsupported format “${unknown.join(',') || opts.format}”. Available: ${FORMATS.join(', ')}.`),
    );
  let unit;
  if (opts.district !== undefined) {
    unit = findUnit(opts.district, campaign);
    if (!unit) {
      const near = closest(opts.district, campaign.roster, (u) => u.name);
      throw new UsageError(
        t(
          lang,
          `「${opts.district}」不在名册中。${near ? `是不是「${near.name}」？` : ''}名册：${campaign.roster.map((u) => u.name).join('、')}。`,
          `“${opts.district}” is not in the roster.${near ? ` Did you mean “${near.name}”?` : ''}`,
        ),
      );
    }
  }
  const schemaPath = join(packageRoot(), SCHEMA_FILE);
  // The modeline points at the installed schema, relative to where the template is written.
  const schemaRef = opts.output
    ? relative(dirname(resolve(opts.output)), schemaPath).split(sep).join('/')
    : pathToFileURL(schemaPath).href;
  const text = yamlTemplate(campaign, { ...(unit ? { unit } : {}), schemaRef });
  if (!opts.output) {
    io.out(text);
    return 0;
  }
  await writeFileAtomic(opts.output, text, { force: Boolean(opts.force), lang });
  io.err(t(lang, `已生成模板 ${opts.output}。填写后运行：lifelong-week validate ${opts.output}`, `Wrote ${opts.output}. Fill it in, then run: lifelong-week validate ${opts.output}`));
  return 0;
}
