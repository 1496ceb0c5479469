/** `lifelong-week merge <folder>`: the city workbook (issue 6). */
import { UsageError } from '../core/errors.js';
import type { Io } from '../core/io.js';
import { t } from '../core/lang.js';

export interface MergeOptions {
  output?: string;
  format: string;
  cityReport?: boolean;
  force?: boolean;
  campaign?: string;
}

export async function runMerge(_folder: string, _opts: MergeOptions, io: Io): Promise<number> {
  throw new UsageError(t(io.lang, '「merge」命令尚未实现，将在后续版本提供。', 'The “merge” command is not implemented yet.'));
}
