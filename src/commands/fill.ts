/** `lifelong-week fill`: the interview (placeholder while it is built). */
import { UsageError } from '../core/errors.js';
import type { Io } from '../core/io.js';
import { t } from '../core/lang.js';

export interface FillOptions {
  from?: string;
  yes?: boolean;
  resume?: boolean;
  output?: string;
  force?: boolean;
  district?: string;
  campaign?: string;
}

export async function runFill(_opts: FillOptions, io: Io): Promise<number> {
  throw new UsageError(t(io.lang, '「fill」命令尚未完成。', 'fill is not finished yet.'));
}
