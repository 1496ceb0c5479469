/** The catalogue's part for the renderers: fonts, page layout and what they report about the files they make. */
import { s, type Entry } from './kit.js';

/** Why a font file could not be read (`render.font.unreadable`'s `reason`), in words a clerk understands. */
const FONT_READ_REASONS: Record<string, { zh: string; en: string }> = {
  ENOENT: { zh: '文件不存在', en: 'the file does not exist' },
  EACCES: { zh: '没有读取权限', en: 'permission denied' },
  EPERM: { zh: '没有读取权限', en: 'permission denied' },
  EISDIR: { zh: '这是一个文件夹', en: 'it is a folder' },
  truncated: { zh: '文件不完整', en: 'the file is incomplete' },
};
const fontReason = (p: Record<string, string | number>, lang: 'zh' | 'en') => {
  const reason = s(p.reason);
  if (reason === 'damaged') return lang === 'zh' ? `文件已损坏：${s(p.detail)}` : `the file is damaged: ${s(p.detail)}`;
  return FONT_READ_REASONS[reason]?.[lang] ?? (lang === 'zh' ? `读取出错 ${reason}` : `read error ${reason}`);
};

export const RENDER_MESSAGES = {
  'render.font.packageMissing': {
    zh: (p) => `找不到排版用的内置字体包 ${s(p.package)}：请在本工具的文件夹里运行 npm ci 重新安装。`,
    en: (p) => `The font package the PDF is set in (${s(p.package)}) is missing: run npm ci in this tool's folder to install it again.`,
  },
  // `fix`: 'npm' for a font from a package (npm ci brings it back), 'tool' for one the tool ships in fonts/.
  'render.font.unreadable': {
    zh: (p) =>
      `排版用的内置字体文件无法读取（${fontReason(p, 'zh')}）：${s(p.path)}\n` +
      (p.fix === 'tool' ? '这是本工具自带的文件：请重新下载或安装完整的本工具。' : '请在本工具的文件夹里运行 npm ci 重新安装。'),
    en: (p) =>
      `The font file the PDF is set in cannot be read (${fontReason(p, 'en')}): ${s(p.path)}\n` +
      (p.fix === 'tool'
        ? 'It comes with this tool: download or install the whole tool again.'
        : "Run npm ci in this tool's folder to install it again."),
  },
} satisfies Record<string, Entry>;
