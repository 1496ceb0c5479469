/** What several commands need: the campaign (built-in or `--campaign FILE`). */
import { readFile, stat } from 'node:fs/promises';
import { checkFile, type FileResult } from '../inbox/check.js';
import { NANCHANG_2023, type Campaign, type RosterUnit } from '../campaign/campaign.js';
import { closest } from '../core/text.js';
import { findUnit } from '../normalize/unit.js';
import { UsageError } from '../core/errors.js';
import { joinList, say } from '../core/say.js';
import { formatMessage, type Lang } from '../core/messages.js';
import { pinyinMatches } from '../fill/pinyin.js';

export async function loadCampaign(path: string | undefined, lang: Lang): Promise<Campaign> {
  if (!path) return NANCHANG_2023;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? say(lang, 'cli.campaignFileNotFound', { path })
        : say(lang, 'cli.cannotReadCampaignFile', { path, code: code ?? '' }),
      { cause: e },
    );
  }
  // The parser (and Zod's message locales) load only when a campaign file is given.
  const { parseCampaign, configureZodLocale } = await import('../read/campaign.js');
  await configureZodLocale(lang);
  const parsed = parseCampaign(bytes, lang);
  if (parsed.ok) return parsed.campaign;
  throw new UsageError(`${say(lang, 'cli.campaignFileInvalid', { path })}\n${parsed.problems.map((p) => `  · ${p}`).join('\n')}`);
}

/** `--district 东湖`: the roster unit, or a usage error that names the closest one and the roster. */
export function resolveDistrict(name: string, campaign: Campaign, lang: Lang): RosterUnit {
  const unit = findUnit(name, campaign);
  if (unit) return unit;
  // Pinyin or its initials, as the interview's unit list takes them (`dhq`, `donghu`): one unit only.
  const byPinyin = campaign.roster.filter((u) => pinyinMatches(name, [u.name]));
  if (byPinyin.length === 1) return byPinyin[0]!;
  if (byPinyin.length > 1)
    throw new UsageError(formatMessage('district.pinyinAmbiguous', { name, units: byPinyin.map((u) => u.name).join('、') }, lang));
  const near = closest(name, campaign.roster, (u) => u.name);
  throw new UsageError(
    say(lang, 'cli.notRoster', {
      name,
      near: near ? say(lang, 'cli.didYouMeanUnit', { name: near.name }) : '',
      campaign: joinList(
        lang,
        campaign.roster.map((u) => u.name),
      ),
    }),
  );
}

/**
 * One submission named on the command line (render, fill --from), read and validated like any file
 * of an inbox; a missing path or a folder is a usage error.
 */
export async function checkOneFile(file: string, campaign: Campaign, lang: Lang, notAFile = ''): Promise<FileResult> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new UsageError(say(lang, 'cli.notFile', { file, notAFile }));
    size = info.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(say(lang, 'cli.doesNotExist2', { file }), { cause: e });
  }
  return checkFile({ path: file, size, load: () => readFile(file) }, campaign);
}
