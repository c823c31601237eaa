// The checks the load stage performs, with their messages in each language.
import type { CheckMeta } from '../finding.js';
import { scenarioCheck } from './scenario-check.js';

export const syntax: CheckMeta = {
  id: 'syntax',
  core: true,
  severity: 'error',
  description: { en: 'The file is not valid YAML, or uses YAML features org files do not allow.', 'zh-CN': '文件不是有效的 YAML，或使用了组织文件不允许的 YAML 特性。' },
  messages: {
    yaml: { en: 'YAML syntax error: {reason}', 'zh-CN': 'YAML 语法错误：{reason}' },
    'unclosed-quote': { en: 'this quote is never closed', 'zh-CN': '这个引号没有闭合' },
    'unclosed-bracket': { en: 'this `{open}` is never closed: end the value with `{close}` on the same line', 'zh-CN': '这个 `{open}` 没有闭合：请在同一行的值末尾加上 `{close}`' },
    'fullwidth-colon': { en: '`：` is a full-width colon (a Chinese keyboard types it): write the ASCII colon `:` followed by a space', 'zh-CN': '`：` 是全角冒号（中文输入法输入的）：请改为半角冒号 `:`，后面加一个空格' },
    'fullwidth-punctuation': { en: '`{char}` is a full-width character (a Chinese keyboard types it): write the ASCII `{ascii}` instead', 'zh-CN': '`{char}` 是全角字符（中文输入法输入的）：请改为半角的 `{ascii}`' },
    'colon-space': { en: '`{key}:` needs a space after the colon; without it YAML reads the whole line as one piece of text', 'zh-CN': '`{key}:` 的冒号后面要加一个空格；否则 YAML 会把整行读成一段文字' },
    tab: { en: 'a tab in the indentation: YAML indents with spaces only — replace the tabs of this block with spaces', 'zh-CN': '缩进中有制表符（Tab）：YAML 只能用空格缩进，请把这一段的 Tab 换成空格' },
    'ideographic-space': { en: 'a full-width space (U+3000) in the indentation: indent with ASCII spaces only', 'zh-CN': '缩进中有全角空格（U+3000）：缩进只能用半角空格' },
    indent: { en: 'this line starts at column {column}, the keys beside it at column {expected}: line it up with them', 'zh-CN': '此行从第 {column} 列开始，同级的键从第 {expected} 列开始：请与它们对齐' },
    'too-deep': { en: 'nesting is deeper than {max} levels', 'zh-CN': '嵌套层级超过 {max} 层' },
    'too-many-merges': { en: 'more than {max} merge keys (`<<`) in one file', 'zh-CN': '单个文件中的合并键（`<<`）超过 {max} 个' },
    'unknown-tag': { en: 'unsupported YAML tag `{tag}`: org files hold plain YAML values', 'zh-CN': '不支持的 YAML 标签 `{tag}`：组织文件只能包含普通的 YAML 值' },
    'multi-document': { en: 'a file holds one YAML document, found {count} (`---` starts another)', 'zh-CN': '一个文件只能包含一个 YAML 文档，实际有 {count} 个（`---` 开始了新文档）' },
    'alias-expansion': { en: 'aliases expand this file to more than {max} values: write the repeated parts out, or alias less', 'zh-CN': '别名展开后超过 {max} 个值：请直接写出重复的部分，或减少别名' },
    'unknown-alias': { en: '`*{name}` refers to an anchor `&{name}` this file does not define (anchors work within one file)', 'zh-CN': '`*{name}` 引用的锚点 `&{name}` 不在本文件中（锚点只在同一文件内有效）' },
  },
};

export const encoding: CheckMeta = {
  id: 'encoding',
  core: true,
  severity: 'error',
  description: { en: 'The file is not UTF-8 text.', 'zh-CN': '文件不是 UTF-8 文本。' },
  messages: {
    utf16: { en: 'the file is UTF-16: save it as UTF-8', 'zh-CN': '文件是 UTF-16 编码：请另存为 UTF-8' },
    'not-utf8': { en: 'the file is not UTF-8 (byte {byte} here): save it as UTF-8', 'zh-CN': '文件不是 UTF-8 编码（此处字节为 {byte}）：请另存为 UTF-8' },
    nul: { en: 'the file contains a NUL character: it looks binary, not YAML', 'zh-CN': '文件包含 NUL 字符：看起来是二进制文件，而不是 YAML' },
  },
};

export const duplicateKey: CheckMeta = {
  id: 'duplicate-key',
  core: true,
  severity: 'error',
  description: { en: 'A key appears twice in the same map.', 'zh-CN': '同一个映射中出现了重复的键。' },
  messages: {
    'duplicate-key': { en: 'duplicate key `{key}`', 'zh-CN': '重复的键 `{key}`' },
    'duplicate-key-first': { en: 'duplicate key `{key}`: it is already written on line {line} of this map — a key appears once, so merge the two or remove one', 'zh-CN': '重复的键 `{key}`：同一映射的第 {line} 行已经写过它——一个键只能出现一次，请合并或删除其中一个' },
    'first-written': { en: 'first written here', 'zh-CN': '首次写在这里' },
  },
};

export const unknownKey: CheckMeta = {
  id: 'unknown-key',
  core: true,
  severity: 'error',
  description: { en: 'A key the language does not define (free-form keys start with `x-`).', 'zh-CN': '语言中未定义的键（自由格式的键以 `x-` 开头）。' },
  messages: {
    'unknown-key-suggest': { en: 'unknown key `{key}`; did you mean `{suggestion}`?', 'zh-CN': '未知的键 `{key}`；您是否想写 `{suggestion}`？' },
    'unknown-key': { en: 'unknown key `{key}`; expected one of: {allowed}', 'zh-CN': '未知的键 `{key}`；可用的键：{allowed}' },
  },
};

export const schema: CheckMeta = {
  id: 'schema',
  core: true,
  severity: 'error',
  description: { en: 'A value does not have the shape the language requires.', 'zh-CN': '值的结构不符合语言的要求。' },
  messages: {
    empty: { en: 'the file is empty: an org file starts with `orgc: 1`', 'zh-CN': '文件为空：组织文件以 `orgc: 1` 开头' },
    required: { en: 'missing required key `{key}`', 'zh-CN': '缺少必填的键 `{key}`' },
    type: { en: 'expected {expected|type}, found {actual|type}', 'zh-CN': '应为{expected|type}，实际为{actual|type}' },
    enum: { en: '`{value}` is not allowed here; expected one of: {allowed}', 'zh-CN': '此处不允许 `{value}`；可选值：{allowed}' },
    'enum-suggest': { en: '`{value}` is not allowed here; did you mean `{suggestion}`?', 'zh-CN': '此处不允许 `{value}`；您是否想写 `{suggestion}`？' },
    'format-version': { en: 'unsupported format version `{value}`: this orgc reads `orgc: 1`', 'zh-CN': '不支持的格式版本 `{value}`：当前 orgc 读取 `orgc: 1`' },
    const: { en: '`{value}` is not allowed here; expected `{expected}`', 'zh-CN': '此处不允许 `{value}`；应为 `{expected}`' },
    'bad-id': { en: '`{value}` is not a valid id: use lowercase letters, digits and single hyphens, starting with a letter (e.g. `sales-director`)', 'zh-CN': '`{value}` 不是有效的 id：请使用小写字母、数字和单个连字符，并以字母开头（如 `sales-director`）' },
    'bad-id-form': { en: '`{value}` is not a valid id: ids are lowercase, with hyphens between words — `{suggestion}`', 'zh-CN': '`{value}` 不是有效的 id：id 用小写字母，单词之间用连字符——`{suggestion}`' },
    'number-quoted': { en: '`"{value}"` is text because of its quotes: write the number without them', 'zh-CN': '`"{value}"` 加了引号就成了文字：请去掉引号，直接写数字' },
    'list-of-one': { en: 'expected a list: write `[{value}]`, even for one', 'zh-CN': '应为列表：即使只有一项，也请写成 `[{value}]`' },
    'bad-id-suggest': { en: '`{value}` is not an id; did you mean `{suggestion}` ({name})?', 'zh-CN': '`{value}` 不是 id；您是否想写 `{suggestion}`（{name}）？' },
    'raci-list': { en: '`{value}` holds several RACI letters in one: write them as a list, `{suggestion}`', 'zh-CN': '`{value}` 把几个 RACI 字母写在了一起：请写成列表 `{suggestion}`' },
    'id-too-long': { en: 'the id `{value}` is longer than 64 characters', 'zh-CN': 'id `{value}` 超过 64 个字符' },
    'comma-in-text': { en: 'a comma inside `{ }` cut this text short and made `{value}` a key of its own: put text that contains commas in quotes', 'zh-CN': '`{ }` 中的逗号截断了文本，使 `{value}` 成了单独的键：含逗号的文本请加引号' },
    'bad-language': { en: '`{value}` is not a language tag such as `en`, `zh-CN` or `zh-TW`', 'zh-CN': '`{value}` 不是语言标签（如 `en`、`zh-CN`、`zh-TW`）' },
    duration: { en: '`{value}` is not a duration: write a number and `min`, `h`, `d` or `w` (e.g. `30min`, `24h`, `2d`)', 'zh-CN': '`{value}` 不是时长：请写数字加单位 `min`、`h`、`d` 或 `w`（如 `30min`、`24h`、`2d`）' },
    'duration-ambiguous': { en: '`{value}` is ambiguous: `m` could mean minutes or months; write `min` for minutes, or use `d`/`w`', 'zh-CN': '`{value}` 有歧义：`m` 可能表示分钟或月；分钟请写 `min`，或改用 `d`/`w`' },
    years: { en: '`{value}` is not a number of years: write e.g. `3y`', 'zh-CN': '`{value}` 不是年数：请写成如 `3y`' },
    quantity: { en: '`{value}` is not a quantity: write a number, a percentage (`25%`), money (`120M CNY`) or a duration (`30d`)', 'zh-CN': '`{value}` 不是有效的数量：请写数字、百分比（`25%`）、金额（`120M CNY`）或时长（`30d`）' },
    'text-quote': { en: 'expected text, but YAML reads this as {actual|type}: put it in quotes to keep it as written (e.g. `"0755"`)', 'zh-CN': '应为文本，但 YAML 将其读作{actual|type}：请加引号以保持原样（如 `"0755"`）' },
    'type-quote': { en: 'expected a string, but YAML reads this as {actual|type}: put it in quotes to keep it as written', 'zh-CN': '应为字符串，但 YAML 将其读作{actual|type}：请加引号以保持原样' },
    text: { en: 'expected text: a string, or a map by language such as `{ en: ..., zh-CN: ... }`', 'zh-CN': '应为文本：字符串，或按语言的映射，如 `{ en: ..., zh-CN: ... }`' },
    raci: { en: '`{value}` is not a RACI letter: write `R`, `A`, `C`, `I`, or a list such as `[A, R]`', 'zh-CN': '`{value}` 不是 RACI 字母：请写 `R`、`A`、`C`、`I`，或列表如 `[A, R]`' },
    condition: { en: '`{value}` is not a condition: write an operator and a value, e.g. `< 20%`', 'zh-CN': '`{value}` 不是条件：请写运算符和数值，如 `< 20%`' },
    pattern: { en: '`{value}` is not in the expected form', 'zh-CN': '`{value}` 的格式不正确' },
    'too-long': { en: 'text is {length} characters long; the limit is {max}', 'zh-CN': '文本长度为 {length} 个字符，上限为 {max}' },
    'empty-text': { en: 'text must not be empty', 'zh-CN': '文本不能为空' },
    'empty-list': { en: 'the list must not be empty', 'zh-CN': '列表不能为空' },
    'min-items': { en: 'expected at least {min} entries', 'zh-CN': '至少需要 {min} 项' },
    'max-items': { en: 'expected at most {max} entries', 'zh-CN': '最多 {max} 项' },
    'empty-map': { en: 'expected at least one entry', 'zh-CN': '至少需要一项' },
    'duplicate-item': { en: '`{value}` appears twice in this list', 'zh-CN': '`{value}` 在列表中出现了两次' },
    minimum: { en: '{value} is too small; the minimum is {limit}', 'zh-CN': '{value} 太小；最小值为 {limit}' },
    maximum: { en: '{value} is too large; the maximum is {limit}', 'zh-CN': '{value} 太大；最大值为 {limit}' },
    other: { en: 'invalid value: {reason}', 'zh-CN': '无效的值：{reason}' },
  },
};

export const LOAD_CHECKS: readonly CheckMeta[] = [syntax, encoding, duplicateKey, unknownKey, schema, scenarioCheck];
