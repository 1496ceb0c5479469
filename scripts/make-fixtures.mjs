// Regenerates fixtures/invalid/ (one named file per rule) and fixtures/encoding/ from the realistic
// sample fixtures/sample/东湖区.yaml: each bad fixture is the sample with exactly one thing wrong, so a
// test can assert that this one rule, and nothing else, fires. Binary fixtures (GBK, UTF-16, a PNG
// renamed .yaml) are made here too, so none is hand-edited.
//   node scripts/make-fixtures.mjs
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { encodeGbk } from './lib/gbk.mjs';

const root = new URL('../fixtures/', import.meta.url);
const sample = await readFile(new URL('sample/东湖区.yaml', root), 'utf8');

/** Replace exactly one occurrence, so a typo in this table fails loudly instead of making a valid fixture. */
function edit(text, from, to) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`not exactly one "${from}"`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
const one = (from, to) => (t) => edit(t, from, to);
const all =
  (...fns) =>
  (t) =>
    fns.reduce((acc, fn) => fn(acc), t);

const invalid = {
  'missing-required.yaml': all(
    one('  参加活动人数: 1.2万人次\n', ''),
    one('  活动成效: 营造了全民终身学习的浓厚氛围，社区居民参与热情明显提高，老年人数字技能短板得到有效弥补。\n', '  活动成效:\n'),
  ),
  'unknown-key.yaml': one('  参加活动人数: 1.2万人次', '  参加人数: 1.2万人次'),
  'duplicate-key.yaml': one(
    '  具体协调部门: 东湖区社区教育学院\n',
    '  具体协调部门: 东湖区社区教育学院\n  具体协调部门 : 东湖区教育体育局\n',
  ),
  'count-vague.yaml': one('  参加活动人数: 1.2万人次', '  参加活动人数: 很多'),
  'count-approximate.yaml': one('  参加活动人数: 1.2万人次', '  参加活动人数: 约12000人次'),
  'count-negative.yaml': one('  全区参与活动的数量: 36', '  全区参与活动的数量: -36'),
  'count-fraction.yaml': one('  全区参与活动的数量: 36', '  全区参与活动的数量: 36.5'),
  'percent-over-100.yaml': one('  群众满意度: 98%', '  群众满意度: 120%'),
  'percent-fraction.yaml': one('  群众满意度: 98%', '  群众满意度: 0.98'),
  'date-vague.yaml': one('  活动时间: 2023年11月15日至11月21日', '  活动时间: 11月中下旬'),
  'date-end-before-start.yaml': one('  活动时间: 2023年11月15日至11月21日', '  活动时间: 2023年11月21日至11月15日'),
  'date-not-real.yaml': one('  活动时间: 2023年11月15日至11月21日', '  活动时间: 2023年11月25日至11月31日'),
  'date-outside-window.yaml': one('  活动时间: 2023年11月15日至11月21日', '  活动时间: 2023年10月20日至10月26日'),
  'date-after-deadline.yaml': one('  活动时间: 2023年11月15日至11月21日', '  活动时间: 2023年11月28日至12月3日'),
  'year-mismatch.yaml': one('年度: 2023', '年度: 2024'),
  'unit-unknown.yaml': all(
    one('举办县区: 东湖区', '举办县区: 高新'),
    one('教育行政部门（盖章）: 东湖区教育体育局', '教育行政部门（盖章）: 高新区教育事业发展中心'),
  ),
  'contacts-bad-phone.yaml': one('    电话: 0791-86771234', '    电话: 8677123'),
  'contacts-no-phone.yaml': one(
    '联系人及电话:\n  - 姓名: 张敏\n    电话: 0791-86771234\n  - 姓名: 李 翾\n    电话: "13907912345"',
    '联系人及电话: 张敏',
  ),
  'participants-below-activities.yaml': one('  参加活动人数: 1.2万人次', '  参加活动人数: 20'),
  'participants-implausible.yaml': one('  参加活动人数: 1.2万人次', '  参加活动人数: 12000000'),
  'department-other-unit.yaml': one('教育行政部门（盖章）: 东湖区教育体育局', '教育行政部门（盖章）: 西湖区教育体育局'),
  'group-not-mapping.yaml': one(
    '组织领导:\n  下发活动文件的部门: 东湖区教育体育局\n  出席活动（开幕式）的领导: 区政府副区长、区教体局局长\n  具体协调部门: 东湖区社区教育学院\n  制定活动方案部门: 东湖区教育体育局职成教科',
    '组织领导: 东湖区教育体育局',
  ),
  'value-not-text.yaml': one(
    '  活动成效: 营造了全民终身学习的浓厚氛围，社区居民参与热情明显提高，老年人数字技能短板得到有效弥补。',
    '  活动成效:\n    - 成效: 营造了全民终身学习的浓厚氛围',
  ),
  'yaml-syntax.yaml': one('  具体协调部门: 东湖区社区教育学院', ' 具体协调部门: 东湖区社区教育学院'),
  'yaml-no-colon.yaml': one('其他: 无', '其他: 无\n以上情况属实。'),
  'quote-unclosed.yaml': one('  具体协调部门: 东湖区社区教育学院', '  具体协调部门: "东湖区社区教育学院'),
  'colon-fullwidth.yaml': one('举办县区: 东湖区', '举办县区：东湖区'),
  'colon-missing.yaml': one('  活动时间: 2023年11月15日至11月21日', '  活动时间 2023年11月15日至11月21日'),
  'tab-indent.yaml': one('  具体协调部门: 东湖区社区教育学院', '\t具体协调部门: 东湖区社区教育学院'),
  'hash-in-text.yaml': one(
    '  宣传范围: 区融媒体中心、“东湖发布”微信公众号、学习强国江西平台',
    '  宣传范围: 微博话题 #书香东湖# 阅读量10万',
  ),
  'multiline-without-pipe.yaml': one(
    '  活动成效: 营造了全民终身学习的浓厚氛围，社区居民参与热情明显提高，老年人数字技能短板得到有效弥补。',
    '  活动成效:\n    营造了全民终身学习的浓厚氛围；\n    老年人数字技能短板得到有效弥补。',
  ),
  'group-value-before-items.yaml': one('组织领导:\n', '组织领导: 东湖区教育体育局\n'),
  'count-invalid.yaml': one('  全区参与活动的数量: 36', '  全区参与活动的数量: 三十到四十场'),
  'percent-invalid.yaml': one('  群众满意度: 98%', '  群众满意度: 很满意'),
  'date-invalid.yaml': one('  活动时间: 2023年11月15日至11月21日', '  活动时间: 下周一开始'),
  'contacts-no-name.yaml': one(
    '联系人及电话:\n  - 姓名: 张敏\n    电话: 0791-86771234\n  - 姓名: 李 翾\n    电话: "13907912345"',
    '联系人及电话: 0791-86771234',
  ),
  'key-outside-group.yaml': all(one('  参加活动人数: 1.2万人次\n', ''), one('其他: 无', '参加活动人数: 1.2万人次\n其他: 无')),
  'year-invalid.yaml': one('年度: 2023', '年度: 今年'),
  'theme-default.yaml': one('  活动主题: 让学习成为一种生活方式\n', ''),
  'participants-per-activity.yaml': all(
    one('  全区参与活动的数量: 36', '  全区参与活动的数量: 2'),
    one('  参加活动人数: 1.2万人次', '  参加活动人数: 150000'),
  ),
  'not-mapping.yaml': () => '- 东湖区\n- 36\n- 1.2万人次\n',
  'multiple-documents.yaml': (t) => `${t}---\n${t}`,
  'proto-key.yaml': one('其他: 无', '__proto__:\n  polluted: yes\nconstructor: x\n其他: 无'),
  'empty.yaml': () => '',
  'comments-only.yaml': () => '# 2023 年全民终身学习活动开展情况统计表\n# （尚未填写）\n',
  'alias-bomb.yaml': () =>
    [
      'a: &a ["哈","哈","哈","哈","哈","哈","哈","哈","哈"]',
      ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
      '其他: *i',
      '',
    ].join('\n'),
};

await rm(new URL('invalid/', root), { recursive: true, force: true });
await mkdir(new URL('invalid/', root), { recursive: true });
for (const [name, make] of Object.entries(invalid)) await writeFile(new URL(`invalid/${name}`, root), make(sample));
// JSON: a trailing comma, the most common hand-edit mistake.
const json = await readFile(new URL('sample/青山湖区.json', root), 'utf8');
await writeFile(new URL('invalid/json-syntax.json', root), edit(json, '"mediaReports": "无"', '"mediaReports": "无",'));
// Binary bytes behind a text extension: a PNG header and a Word (zip) header.
await writeFile(
  new URL('invalid/binary.yaml', root),
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
);
await writeFile(
  new URL('invalid/word-renamed.yaml', root),
  Buffer.concat([Buffer.from('504b0304140006000800', 'hex'), Buffer.alloc(64, 0)]),
);

// Encodings people's editors really produce (all valid submissions).
await rm(new URL('encoding/', root), { recursive: true, force: true });
await mkdir(new URL('encoding/', root), { recursive: true });
const gbk = encodeGbk(sample.replace(/李 翾/, '李 华')); // 「翾」 is outside GBK's common set in some editors
await writeFile(new URL('encoding/gbk.yaml', root), gbk);
await writeFile(
  new URL('encoding/utf8-bom-crlf.yaml', root),
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample.replace(/\n/g, '\r\n'))]),
);
const utf16 = Buffer.from(`\ufeff${sample}`, 'utf16le');
await writeFile(new URL('encoding/utf16le-bom.yaml', root), utf16);
console.log(`wrote ${Object.keys(invalid).length + 3} invalid and 3 encoding fixtures`);
