/** The catalogue's part for the interview (`fill`): questions, echoes, the review and the next steps. */
import { s, type Entry } from './kit.js';

export const FILL_MESSAGES = {
  'fill.someItemsStillNeed': { zh: () => '还有项目需要补填，请继续回答。', en: () => 'Some items still need an answer.' },
  'fill.everythingCorrect': { zh: () => '以上内容是否正确？', en: () => 'Is everything correct?' },
  'fill.yesWriteYamlWord': { zh: () => '正确，生成 YAML、Word 和 PDF 文件', en: () => 'Yes: write the YAML, Word and PDF files' },
  'fill.changeItem': { zh: () => '修改某一项', en: () => 'Change an item' },
  'fill.whichItemTypeNumber': {
    zh: () => '修改哪一项？（输入序号或项目名称筛选，如「21」或「文字报道」）',
    en: () => 'Which item? (type its number or part of its label)',
  },
  'fill.firstQuestion': { zh: () => '  已经是第一题了。', en: () => '  This is the first question.' },
  'fill.noItemMatches': { zh: (p) => `没有匹配的项目：「${s(p.q)}」`, en: (p) => `No item matches “${s(p.q)}”` },
  'fill.typeNumberLabel': { zh: () => '（请输入序号 1–23 或项目名称）', en: () => '(type a number or a label)' },
  'fill.pageEnterNextPage': {
    zh: (p) => `（第 ${s(p.p)}/${s(p.pages)} 页）按回车看下一页`,
    en: (p) => `(page ${s(p.p)} of ${s(p.pages)}) Enter for the next page`,
  },
  'fill.typeGoBack': { zh: () => '（输入 < 返回上一题）', en: () => ' (type < to go back)' },
  'fill.typeFilterAliasesPinyin': {
    zh: (p) => `${s(p.label)}（输入名称筛选，别名、拼音或拼音首字母也可以）`,
    en: (p) => `${s(p.label)} (type to filter; aliases and pinyin work)`,
  },
  'fill.keepAnswer': { zh: () => '仍然使用这个答案吗？', en: () => 'Keep this answer?' },
  'fill.noUnitMatches': { zh: (p) => `没有匹配的单位：「${s(p.q)}」`, en: (p) => `No unit matches “${s(p.q)}”` },
  'fill.tryAnotherSpellingClear': {
    zh: () => '（请换个写法，或删去文字查看完整名单）',
    en: () => '(try another spelling, or clear the text for the whole list)',
  },
  'fill.current': { zh: () => '（当前）', en: () => '(current)' },
  'fill.stampingBody': { zh: () => '盖章单位', en: () => 'stamping body' },
  'fill.also': { zh: () => '又称', en: () => 'also' },
  'fill.back': { zh: () => '← 返回上一题', en: () => '← Back' },
  'fill.contactNamePhone': { zh: (p) => `第 1 位联系人（姓名 电话）${s(p.backHint)}`, en: (p) => `Contact 1 (name phone)${s(p.backHint)}` },
  'fill.anotherContactNamePhone': {
    zh: (p) => `再添加一位联系人（姓名 电话；直接回车结束，共 ${s(p.count)} 位；输入 < 改上一位）`,
    en: (p) => `Another contact (name phone; Enter to finish, ${s(p.count)} so far; < changes the last one)`,
  },
  'fill.empty': { zh: () => '（未填）', en: () => '(empty)' },
  'fill.deadlineDaySLeft': {
    zh: (p) => `报送截止日期：${s(p.deadline)}，还有 ${s(p.days)} 天。`,
    en: (p) => `Deadline: ${s(p.deadline)}, ${s(p.days)} day(s) left.`,
  },
  'fill.deadlineTodaySendToday': {
    zh: (p) => `报送截止日期：${s(p.deadline)}，就是今天，请今天内发出。`,
    en: (p) => `Deadline: ${s(p.deadline)} — today. Send it today.`,
  },
  'fill.noteDeadlinePassedDay': {
    zh: (p) => `注意：报送截止日期 ${s(p.deadline)} 已过 ${s(p.value)} 天。请尽快发送，并与${s(p.receiver)}联系说明情况${s(p.contacts)}。`,
    en: (p) =>
      `Note: the deadline ${s(p.deadline)} passed ${s(p.value)} day(s) ago. Send it at once and contact ${s(p.receiver)}${s(p.contacts)}.`,
  },
  'fill.nextSteps': { zh: () => '下一步：', en: () => 'Next steps:' },
  'fill.changeLaterEditThen': {
    zh: (p) => `以后要修改：编辑 ${s(p.yaml)}，再运行 lifelong-week render ${s(p.yaml)} --force`,
    en: (p) => `To change it later: edit ${s(p.yaml)}, then run lifelong-week render ${s(p.yaml)} --force`,
  },
  'fill.optional': { zh: () => '（选填）', en: () => ' (optional)' },
  'fill.example': { zh: (p) => `  ${s(p.hint)}。例：${s(p.example)}`, en: (p) => `  ${s(p.hintEn)}. Example: ${s(p.example)}` },
  'fill.noInteractiveTerminalStandard': {
    zh: () =>
      `没有可以交互的终端（标准输入不是终端），无法逐项问答。可以：\n  · 在终端（命令提示符、PowerShell 或终端窗口）中直接运行 lifelong-week fill；\n  · 或用 lifelong-week template --format yaml -o 本单位.yaml 生成模板，填好后运行\n    lifelong-week fill --from 本单位.yaml --yes（内容完整时直接生成 Word 和 PDF）。`,
    en: () =>
      'No interactive terminal (standard input is not a TTY). Run `lifelong-week fill` in a terminal, or write a file with `lifelong-week template --format yaml` and run `lifelong-week fill --from FILE --yes`.',
  },
  'fill.cannotReadFormFrom': {
    zh: (p) => `无法从「${s(p.file)}」读取统计表：\n${s(p.why)}`,
    en: (p) => `Cannot read a form from “${s(p.file)}”:\n${s(p.why)}`,
  },
  'fill.fromResumeCannotUsed': { zh: () => '--from 和 --resume 不能同时使用。', en: () => '--from and --resume cannot be used together.' },
  'fill.problems': { zh: (p) => `「${s(p.from)}」中的问题：`, en: (p) => `Problems in “${s(p.from)}”:` },
  'fill.completeButThereNo': {
    zh: (p) =>
      `「${s(p.from)}」内容完整，但没有可以交互的终端来确认。要直接生成 Word 和 PDF，请加 --yes：\n  lifelong-week fill --from ${s(p.from)} --yes`,
    en: (p) =>
      `“${s(p.from)}” is complete, but there is no terminal to confirm it. To write the Word and PDF files directly, add --yes:\n  lifelong-week fill --from ${s(p.from)} --yes`,
  },
  'fill.missing': { zh: () => '：未填写', en: () => ': missing' },
  'fill.hasMissingInvalidItems': {
    zh: (p) =>
      `「${s(p.from)}」还有以下项目缺少或有误，没有可以交互的终端，无法逐项补填，未生成任何文件：\n${s(p.lines)}\n改好文件后运行 lifelong-week fill --from ${s(p.from)} --yes；或在终端（命令提示符、PowerShell 或终端窗口）中运行 lifelong-week fill --from ${s(p.from)} 逐项补填。`,
    en: (p) =>
      `“${s(p.from)}” has missing or invalid items, and without a terminal they cannot be asked; nothing was written:\n${s(p.lines)}\nFix the file and run lifelong-week fill --from ${s(p.from)} --yes, or run lifelong-week fill --from ${s(p.from)} in a terminal.`,
  },
  'fill.noDraftResumeStart': {
    zh: (p) => `没有找到可以继续的草稿（在 ${s(p.draftDir)} 中${s(p.name)}）。开始新的填写：lifelong-week fill`,
    en: (p) => `No draft${s(p.name)} to resume in ${s(p.draftDir)}. Start a new one with: lifelong-week fill`,
  },
  'fill.nInterview': { zh: (p) => `\n${s(p.title)}：逐项问答填写`, en: (p) => `\n${s(p.title)}: interview` },
  'fill.draftSavedAfterEvery': {
    zh: (p) =>
      `· 每答一题自动保存草稿：${s(p.path)}\n· 直接回车使用括号里的默认值；输入 < 返回上一题；按 Ctrl+C 可随时退出，下次用 lifelong-week fill --resume 继续。`,
    en: (p) =>
      `· The draft is saved after every answer: ${s(p.path)}\n· Enter accepts the default in brackets; < goes back; Ctrl+C stops (resume with lifelong-week fill --resume).`,
  },
  'fill.draftSaved': { zh: (p) => `  （草稿保存在：${s(p.path)}）`, en: (p) => `  (draft saved at ${s(p.path)})` },
  'fill.theseFilesExistAlready': {
    zh: (p) => `以下文件已经存在：\n${s(p.existing)}`,
    en: (p) => `These files exist already:\n${s(p.existing)}`,
  },
  'fill.overwriteThem': { zh: () => '覆盖这些文件吗？', en: () => 'Overwrite them?' },
  'fill.whichFolderInstead': { zh: () => '改存到哪个文件夹？', en: () => 'Which folder instead?' },
  'fill.nstoppedYourAnswersAre': {
    zh: (p) => `\n已退出。已填写的内容保存在草稿：${s(p.currentDraft)}\n继续填写：lifelong-week fill --resume${s(p.draftUnit)}`,
    en: (p) => `\nStopped. Your answers are in the draft ${s(p.currentDraft)}\nResume with: lifelong-week fill --resume`,
  },
  'fill.nstoppedNothingWasSaved': { zh: () => `\n已退出，还没有保存任何内容。`, en: () => `\nStopped; nothing was saved yet.` },
  'fill.thereAreErrorsNothing': { zh: () => '内容有误，未生成文件。', en: () => 'There are errors; nothing was written.' },
  'fill.alreadyExistsUseForce': {
    zh: (p) => `文件「${s(p.existing)}」已存在，未覆盖。如需覆盖请加 --force，或用 -o 指定其他文件夹。`,
    en: (p) => `${s(p.existing)} already exists. Use --force, or -o for another folder.`,
  },
  'fill.nwroteNNN': {
    zh: (p) => `\n已生成：\n  ${s(p.yaml)}\n  ${s(p.docx)}\n  ${s(p.pdf)}`,
    en: (p) => `\nWrote:\n  ${s(p.yaml)}\n  ${s(p.docx)}\n  ${s(p.pdf)}`,
  },
  'fill.draftDamagedTryLifelong': {
    zh: (p) => `草稿「${s(p.path)}」已损坏或不是本工具的草稿，无法继续。可以用 lifelong-week fill --from ${s(p.path)} 从中预填。`,
    en: (p) => `The draft ${s(p.path)} is damaged; try lifelong-week fill --from ${s(p.path)}.`,
  },
  'fill.whichDraft': { zh: () => '继续哪一份草稿？', en: () => 'Which draft?' },
  'fill.thereUnfinishedDraftContinue': {
    zh: () => '发现未完成的草稿，要继续填写吗？',
    en: () => 'There is an unfinished draft. Continue it?',
  },
  'fill.continue': { zh: (p) => `继续：${s(p.name)}`, en: (p) => `Continue: ${s(p.name)}` },
  'fill.startAgainDraftSame': {
    zh: () => '重新开始（同一单位的旧草稿会被覆盖）',
    en: () => 'Start again (a draft of the same unit is replaced)',
  },
  'fill.line': { zh: (p) => `第 ${s(p.line)} 行的`, en: (p) => ` (line ${s(p.line)})` },
  'fill.cannotPrintedPdfS': {
    zh: (p) =>
      `「${s(p.label)}」中${s(p.chars)}无法打印：PDF 所用的字体里没有这个字，印出来会是空白方框。请改用常用字（生僻字可用同音字，并在后面括号里注明），或删去表情符号。`,
    en: (p) =>
      `${s(p.label)}: ${s(p.chars)} cannot be printed: the PDF's font has no such character (it would print as an empty box). Use a common character instead, or remove emoji.`,
  },
  'fill.glyphsNothingWritten': {
    zh: (p) =>
      `未生成任何文件（YAML、Word、PDF 都没有写）：PDF 所用的字体无法显示以下字符（打印出来会是空白方框）。请改用常用字，或删去表情符号：\n${s(p.lines)}`,
    en: (p) => `Nothing was written (no YAML, Word or PDF): the PDF's font cannot draw these characters:\n${s(p.lines)}`,
  },
  'fill.glyphsFixFrom': {
    zh: (p) => `改好「${s(p.from)}」后重新运行 lifelong-week fill --from ${s(p.from)}。`,
    en: (p) => `Fix ${s(p.from)} and run lifelong-week fill --from ${s(p.from)} again.`,
  },
  'fill.glyphsInDraft': {
    zh: () => '已填写的内容仍在草稿中：运行 lifelong-week fill --resume 修改后再生成。',
    en: () => 'Your answers are still in the draft: lifelong-week fill --resume.',
  },
  'fill.inParentheses': { zh: (p) => `（${s(p.text)}）`, en: (p) => ` (${s(p.text)})` },
  'prompt.currentTextEnterKeeps': { zh: () => '  现在的内容（直接回车保留）：', en: () => '  Current text (Enter keeps it):' },
  'prompt.openingSaveCloseGo': {
    zh: (p) => `  正在打开编辑器 ${s(p.editor)}：写好后保存并关闭编辑器，回到这里继续。`,
    en: (p) => `  Opening ${s(p.editor)}: save and close it to go on.`,
  },
  'prompt.editorFailedNothingWas': {
    zh: (p) => `  ✗ 编辑器没有正常结束（${s(p.reason)}），内容未采用。请直接输入，或再输入 :e 重试。`,
    en: (p) => `  ✗ The editor failed (${s(p.reason)}); nothing was taken. Type the text, or :e to try again.`,
  },
  'prompt.editorReturnedNothingType': {
    zh: () => '  编辑器里没有写内容。请直接输入，或再输入 :e 重试。',
    en: () => '  The editor returned nothing. Type the text, or :e to try again.',
  },
  'prompt.fromEditor': { zh: () => '  编辑器中写好的内容：', en: () => '  From the editor:' },
  'prompt.yes': { zh: () => '是', en: () => 'yes' },
  'prompt.no': { zh: () => '否', en: () => 'no' },
  'prompt.yesNoHint': { zh: () => '（是/否）', en: () => ' (yes/no)' },
  'prompt.line': { zh: (p) => `第 ${s(p.n)} 行`, en: (p) => `line ${s(p.n)}` },
  'prompt.lines': { zh: (p) => `（共 ${s(p.length)} 行）`, en: (p) => ` (${s(p.length)} lines)` },
  'prompt.moreLinesAbove': { zh: (p) => `    （前面还有 ${s(p.hidden)} 行）`, en: (p) => `    (${s(p.hidden)} more lines above)` },
  'prompt.typeFilterNavigateSelect': {
    zh: () => '输入文字筛选 • ↑↓ 上下移动 • ⏎ 选择',
    en: () => 'type to filter • ↑↓ navigate • ⏎ select',
  },
  'prompt.severalLines': {
    zh: (p) => `  （可输入多行：每行按回车换行，空一行结束${s(p.editor)}。可直接粘贴多行。）`,
    en: (p) => `  (Several lines allowed; an empty line ends the answer${s(p.editor)}. Pasting several lines works.)`,
  },
  'prompt.severalLinesEditor': {
    zh: (p) => `；输入 :e 用编辑器（${s(p.editor)}）填写`,
    en: (p) => `; type :e to write it in your editor (${s(p.editor)})`,
  },
  'prompt.key.navigate': { zh: () => '上下移动', en: () => 'navigate' },
  'prompt.key.select': { zh: () => '选择', en: () => 'select' },
  'prompt.key.search': { zh: () => '输入文字筛选', en: () => 'search' },
  // the next steps after fill (the notice, 「四、其他事项」: four pieces)
  'fill.step.print': { zh: (p) => `打印 PDF：${s(p.pdf)}`, en: (p) => `Print the PDF: ${s(p.pdf)}` },
  'fill.step.stamp': {
    zh: (p) => `在「教育行政部门（盖章）」处加盖${s(p.department)}公章`,
    en: (p) => `Stamp it with the seal of ${s(p.department)}`,
  },
  'fill.step.renderPdf': {
    zh: (p) => `生成 PDF 并打印：lifelong-week render ${s(p.yaml)} --format pdf`,
    en: (p) => `Render the PDF and print it: lifelong-week render ${s(p.yaml)} --format pdf`,
  },
  'fill.docxToRender': {
    zh: (p) => `用 lifelong-week render ${s(p.yaml)} --format docx 生成`,
    en: (p) => `render it with lifelong-week render ${s(p.yaml)} --format docx`,
  },
  'fill.step.scan': { zh: () => '把盖章后的统计表扫描成 PDF', en: () => 'Scan the stamped form to a PDF' },
  'fill.step.pieces': {
    zh: () => '准备好本单位本次活动的工作方案和工作总结（Word 或 PDF 文件）',
    en: () => "Have your unit's work plan and work summary for the week ready as files (Word or PDF)",
  },
  'fill.step.send': {
    zh: (p) =>
      `于 ${s(p.deadline)} 前把以下四份材料一起发送至 ${s(p.mailbox)}：① 统计表 Word 文件（${s(p.docx)}）② 盖章后的统计表扫描件（PDF）③ 工作方案 ④ 工作总结`,
    en: (p) =>
      `By ${s(p.deadline)}, e-mail all four pieces to ${s(p.mailbox)}: (1) the Word file (${s(p.docx)}), (2) the stamped scan (PDF), (3) the work plan, (4) the work summary`,
  },
  'fill.draftOfUnit': { zh: (p) => `找 ${s(p.unit)} 的`, en: (p) => ` for ${s(p.unit)}` },
  'fill.newFolder': { zh: () => '新', en: () => 'new' },
} satisfies Record<string, Entry>;
